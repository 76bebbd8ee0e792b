package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.ide.hover.KeywordHelp;

/**
 * The editor features of issue 15 through a real `vinfra lsp` process and an LSP4J client, as an editor meets them:
 * formatting refuses files with syntax errors and folds spaces inside settings; rename keeps meaning, replicas and other
 * files included; hovers explain keywords and show problems with the explanation; symbols, semantic tokens and
 * completion items carry kinds; completion inserts nothing unasked; export clashes are diagnostics in both files.
 */
class LanguageServerEditingTest {

    @TempDir
    static Path workspace;

    private static LspSession lsp;

    private static final String HOSTS = """
            host rack[1..4] {
            \tcpu {
            \t\tcores 8
            \t\tfeatures vt-x
            \t}
            \tmemory 64 GiB
            \tnic eth0 {
            \t\tspeed 10 Gbps
            \t}
            \thypervisor kvm
            }
            """;

    private static final String VMS = """
            import "hosts.vinfra"

            vm edge on rack1 {
            \tvcpus 2
            \tmemory 4 GiB
            }

            vm rack on rack2 {
            \tmemory 1 GiB
            }
            """;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(workspace.resolve("hosts.vinfra"), HOSTS);
        Files.writeString(workspace.resolve("vms.vinfra"), VMS);
        lsp = new LspSession(workspace);
    }

    @AfterAll
    static void stop() throws Exception {
        lsp.close();
    }

    private static TextDocumentIdentifier doc(Path file) {
        return new TextDocumentIdentifier(LspSession.uri(file));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> request) throws Exception {
        return request.get(60, TimeUnit.SECONDS);
    }

    /** Applies edits (non-overlapping) to a text. */
    static String apply(String text, List<? extends TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        StringBuilder result = new StringBuilder(text);
        for (TextEdit edit : sorted) {
            result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
        }
        return result.toString();
    }

    static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.getCharacter();
    }

    static Position position(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }

    // ------------------------------------------------------------------ formatting

    @Test
    void formattingNeverChangesAFileWithSyntaxErrors() throws Exception {
        Path file = workspace.resolve("broken.vinfra");
        String text = "network lan {\n\tcidr 192.168.100.0/24\n}\n\nhost h { memory 1 GiB cpu { cores } }\n";
        lsp.open(file, text);
        ExecutionException full = assertThrows(ExecutionException.class, () -> await(lsp.server.getTextDocumentService()
                .formatting(new DocumentFormattingParams(doc(file), new FormattingOptions(4, false)))));
        String message = ((ResponseErrorException) full.getCause()).getResponseError().getMessage();
        assertTrue(message.contains("broken.vinfra is not formatted") && message.contains("syntax error") && message.contains("line 5:"), message);
        ExecutionException range = assertThrows(ExecutionException.class, () -> await(lsp.server.getTextDocumentService()
                .rangeFormatting(new DocumentRangeFormattingParams(doc(file), new FormattingOptions(4, false),
                        new Range(new Position(0, 0), new Position(2, 1))))));
        assertTrue(range.getCause() instanceof ResponseErrorException, String.valueOf(range.getCause()));
    }

    @Test
    void formattingFoldsSpacesInsideSettingsAndIsStable() throws Exception {
        Path file = workspace.resolve("spaces.vinfra");
        String text = "host s {\n\tmemory 8   GiB\n\tnic e0 {\n\t\tspeed 1   Gbps\n\t}\n}\n";
        lsp.open(file, text);
        List<? extends TextEdit> edits = await(lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(doc(file),
                new FormattingOptions(4, false))));
        String formatted = apply(text, edits);
        assertEquals("host s {\n\tmemory 8 GiB\n\tnic e0 {\n\t\tspeed 1 Gbps\n\t}\n}\n", formatted);
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspSession.uri(file), 2),
                List.of(new TextDocumentContentChangeEvent(formatted))));
        assertEquals(List.of(), await(lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(doc(file),
                new FormattingOptions(4, false)))), "formatting twice changes nothing");
    }

    // ------------------------------------------------------------------ rename

    @Test
    void renamingAReplicaReferenceRenamesTheGroupAcrossFilesAndKeepsMeaning() throws Exception {
        Path hosts = workspace.resolve("hosts.vinfra");
        Path vms = workspace.resolve("vms.vinfra");
        lsp.open(vms, VMS);
        Position rack1 = position(VMS, VMS.indexOf("rack1") + 2);
        Either3Result prepared = prepare(vms, rack1);
        assertEquals("rack", prepared.placeholder(), "the placeholder is the group's name");
        int start = VMS.indexOf("rack1");
        assertEquals(new Range(position(VMS, start), position(VMS, start + 4)), prepared.range(), "the range is the group's part of rack1");

        WorkspaceEdit edit = await(lsp.server.getTextDocumentService().rename(new RenameParams(doc(vms), rack1, "node")));
        Map<String, List<TextEdit>> changes = edit.getChanges();
        String renamedVms = apply(VMS, changes.get(LspSession.uri(vms)));
        String renamedHosts = apply(HOSTS, changes.get(LspSession.uri(hosts)));
        assertTrue(renamedHosts.startsWith("host node[1..4] {"), renamedHosts);
        assertTrue(renamedVms.contains("vm edge on node1 {"), "the VM stays on the same replica: " + renamedVms);
        assertTrue(renamedVms.contains("vm rack on node2 {"), "a VM merely named like the group keeps its name: " + renamedVms);
    }

    @Test
    void prepareRenameOnADeclarationAndOnNothing() throws Exception {
        Path hosts = workspace.resolve("hosts.vinfra");
        lsp.open(hosts, HOSTS);
        Either3Result declared = prepare(hosts, new Position(0, 6));
        assertEquals("rack", declared.placeholder());
        assertEquals(new Range(new Position(0, 5), new Position(0, 9)), declared.range());
        ExecutionException nothing = assertThrows(ExecutionException.class, () -> prepare(hosts, new Position(1, 0)));
        assertTrue(nothing.getCause().getMessage().contains("Nothing to rename here"), nothing.getCause().getMessage());
    }

    @Test
    void aRenameTheModelCannotTakeIsRefusedWithTheReason() throws Exception {
        Path vms = workspace.resolve("vms.vinfra");
        lsp.open(vms, VMS);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> await(lsp.server.getTextDocumentService()
                .rename(new RenameParams(doc(vms), position(VMS, VMS.indexOf("edge") + 1), "rack"))));
        assertTrue(refused.getCause().getMessage().contains("The name 'rack' is taken"), refused.getCause().getMessage());
    }

    private record Either3Result(Range range, String placeholder) {
    }

    private static Either3Result prepare(Path file, Position position) throws Exception {
        var answer = await(lsp.server.getTextDocumentService().prepareRename(new PrepareRenameParams(doc(file), position)));
        assertNotNull(answer, "prepareRename answers");
        PrepareRenameResult result = answer.getSecond();
        assertNotNull(result, "a range with a placeholder: " + answer);
        return new Either3Result(result.getRange(), result.getPlaceholder());
    }

    // ------------------------------------------------------------------ hover

    @Test
    void everyKeywordOfTheGrammarHasAnExplanation() {
        IGrammarAccess grammar = Language.injector().getInstance(IGrammarAccess.class);
        List<String> missing = new ArrayList<>();
        for (org.eclipse.xtext.Keyword keyword : GrammarUtil.containedKeywords(grammar.getGrammar())) {
            org.eclipse.xtext.AbstractRule containing = GrammarUtil.containingRule(keyword);
            String rule = containing.getName();
            if (Character.isLetter(keyword.getValue().charAt(0)) && !(containing instanceof org.eclipse.xtext.TerminalRule)) {
                String text = KeywordHelp.explain(keyword.getValue(), rule);
                if (text == null || text.isBlank()) {
                    missing.add(keyword.getValue() + "@" + rule);
                }
            }
        }
        assertEquals(List.of(), missing, "keywords without an explanation");
    }

    @Test
    void hoversOnEveryKeywordOfACourseLabExplainIt() throws Exception {
        Path lab = Cli.root().resolve("examples/kvm-sriov-server.vinfra").toAbsolutePath().normalize();
        String text = Files.readString(lab);
        Path copy = workspace.resolve("hover-lab.vinfra");
        lsp.open(copy, text);
        java.util.Set<String> keywords = new java.util.HashSet<>();
        IGrammarAccess grammar = Language.injector().getInstance(IGrammarAccess.class);
        for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            keywords.add(keyword);
        }
        Matcher words = Pattern.compile("(?m)^\\s*([a-z][a-z0-9-]*)").matcher(text);
        int hovered = 0;
        while (words.find()) {
            if (!keywords.contains(words.group(1))) {
                continue;
            }
            Hover hover = await(lsp.server.getTextDocumentService().hover(new HoverParams(doc(copy), position(text, words.start(1) + 1))));
            String shown = hover == null || hover.getContents() == null || !hover.getContents().isRight() ? "" : hover.getContents().getRight().getValue();
            int explained = shown.indexOf("**" + words.group(1) + "**: ");
            assertTrue(explained >= 0 && shown.length() > explained + words.group(1).length() + 20,
                    "hover on '" + words.group(1) + "' at line " + (position(text, words.start(1)).getLine() + 1) + ": " + shown);
            hovered++;
        }
        assertTrue(hovered > 20, "the lab has many keywords: " + hovered);
    }

    @Test
    void aHoverOnALineWithAProblemShowsTheProblemAndTheExplanation() throws Exception {
        Path file = workspace.resolve("problem.vinfra");
        String text = "host p {\n\tcpu {\n\t\tcores 2\n\t\tfeatures vt-x\n\t}\n\tmemory 8 GiB\n\thypervisor kvm\n}\n\nvm q on p {\n\tvcpus 4\n\tmemory 1 GiB\n}\n";
        lsp.open(file, text);
        Hover hover = await(lsp.server.getTextDocumentService().hover(new HoverParams(doc(file), new Position(10, 2))));
        String shown = hover.getContents().getRight().getValue();
        assertTrue(shown.contains("vinfra.vcpus-exceed-host"), shown);
        int problem = shown.indexOf("vinfra.vcpus-exceed-host");
        int explanation = shown.indexOf("**vcpus**: Virtual CPUs");
        assertTrue(explanation > problem, "the problem in full, then the keyword's explanation: " + shown);
        assertTrue(shown.contains("logical CPUs"), "the whole message is there: " + shown);
    }

    // ------------------------------------------------------------------ symbols and semantic tokens

    private static final String KINDS = """
            host k {
            \tmemory 8 GiB
            \tnic eth0
            \thypervisor kvm
            }

            vm w on k {
            \tmemory 1 GiB
            }

            network n on k {
            \tmode nat
            }

            image i {
            \tfrom "debian:12.7"
            }

            compose c {
            \tservice s {
            \t\timage "nginx:1.27"
            \t}
            }
            """;

    @Test
    void documentSymbolsHaveTheKindOfTheirElementAndNest() throws Exception {
        Path file = workspace.resolve("kinds.vinfra");
        lsp.open(file, KINDS);
        List<DocumentSymbol> symbols = await(lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(file))))
                .stream().map(e -> e.getRight()).toList();
        assertEquals(List.of("k Class", "w Struct", "n Interface", "i Package", "c Namespace"),
                symbols.stream().map(s -> s.getName() + " " + s.getKind()).toList());
        assertEquals(List.of("eth0 Field", "hypervisor kvm Constructor"),
                symbols.get(0).getChildren().stream().map(s -> s.getName() + " " + s.getKind()).toList());
        assertEquals(List.of("s " + SymbolKind.Object), symbols.get(4).getChildren().stream().map(s -> s.getName() + " " + s.getKind()).toList());
    }

    @Test
    void semanticTokensTellKeywordsNumbersUnitsAndElementsByKind() throws Exception {
        SemanticTokensLegend legend = lsp.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
        assertTrue(legend.getTokenTypes().containsAll(List.of("keyword", "number", "enumMember", "class", "struct", "interface")), legend.toString());
        assertTrue(legend.getTokenModifiers().contains("declaration"), legend.toString());
        Path file = workspace.resolve("tokens.vinfra");
        lsp.open(file, KINDS);
        SemanticTokens tokens = await(lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc(file))));
        Map<String, String> byText = new java.util.LinkedHashMap<>();
        List<Integer> data = tokens.getData();
        int line = 0;
        int character = 0;
        String[] lines = KINDS.split("\n", -1);
        for (int i = 0; i + 4 < data.size(); i += 5) {
            line += data.get(i);
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            String word = lines[line].substring(character, character + data.get(i + 2));
            String type = legend.getTokenTypes().get(data.get(i + 3));
            boolean declaration = (data.get(i + 4) & (1 << legend.getTokenModifiers().indexOf("declaration"))) != 0;
            byText.putIfAbsent(line + ":" + word, type + (declaration ? "+declaration" : ""));
        }
        assertEquals("keyword", byText.get("0:host"));
        assertEquals("class+declaration", byText.get("0:k"));
        assertEquals("number", byText.get("1:8"));
        assertEquals("enumMember", byText.get("1:GiB"));
        assertEquals("struct+declaration", byText.get("6:w"));
        assertEquals("class", byText.get("6:k"), "a reference to the host, without the declaration modifier");
        assertEquals("interface+declaration", byText.get("10:n"));
        assertEquals("keyword", byText.get("11:nat"));
    }

    // ------------------------------------------------------------------ completion

    private static List<CompletionItem> complete(Path file, String text, int offset) throws Exception {
        var answer = await(lsp.server.getTextDocumentService().completion(new CompletionParams(doc(file), position(text, offset))));
        return answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
    }

    @Test
    void nothingIsProposedRightAfterANumberButUnitsWhereOneIsNeeded() throws Exception {
        Path file = workspace.resolve("numbers.vinfra");
        String text = "host n {\n\tmemory 8 GiB\n\thypervisor kvm\n}\n\nvm m on n {\n\tvcpus 999\n\tmemory 4\n}\n";
        lsp.open(file, text);
        assertEquals(List.of(), complete(file, text, text.indexOf("999") + 3), "nothing after vcpus 999");
        List<CompletionItem> units = complete(file, text, text.indexOf("memory 4") + 8);
        assertFalse(units.isEmpty(), "units after memory 4");
        for (CompletionItem unit : units) {
            assertEquals(CompletionItemKind.Unit, unit.getKind());
            assertTrue(unit.getTextEdit().getLeft().getNewText().startsWith(" "), "a unit is written after a space: " + unit);
        }
        assertTrue(units.stream().anyMatch(u -> u.getLabel().equals("GiB")), units.toString());
    }

    @Test
    void snippetsOnlyAtTopLevelAndEveryItemHasAKindAndNoCommitCharacters() throws Exception {
        Path file = workspace.resolve("complete.vinfra");
        String text = "host c {\n\tmemory 8 GiB\n\thypervisor kvm\n}\n\nvm d on c {\n\t\n}\n\n";
        lsp.open(file, text);
        List<CompletionItem> topLevel = complete(file, text, text.length());
        List<CompletionItem> snippets = topLevel.stream().filter(i -> i.getKind() == CompletionItemKind.Snippet).toList();
        assertEquals(java.util.Set.of("host-kvm", "vm", "compose-service", "lxc-container", "network-nat"),
                snippets.stream().map(CompletionItem::getLabel).collect(java.util.stream.Collectors.toSet()));
        assertTrue(snippets.stream().allMatch(s -> s.getInsertTextFormat() == InsertTextFormat.Snippet), snippets.toString());
        assertTrue(topLevel.stream().anyMatch(i -> i.getLabel().equals("host") && i.getKind() == CompletionItemKind.Keyword), topLevel.toString());

        List<CompletionItem> inVm = complete(file, text, text.indexOf("{\n\t\n}") + 3);
        assertTrue(inVm.stream().noneMatch(i -> i.getKind() == CompletionItemKind.Snippet), "no top-level template inside a VM block: " + inVm);
        assertTrue(inVm.stream().anyMatch(i -> i.getLabel().equals("vcpus")), inVm.toString());
        for (CompletionItem item : concat(topLevel, inVm)) {
            assertNotNull(item.getKind(), "a kind for " + item.getLabel());
            assertNull(item.getCommitCharacters(), "no commit characters: " + item.getLabel());
        }

        String placing = text + "vm e on ";
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspSession.uri(file), 2),
                List.of(new TextDocumentContentChangeEvent(placing))));
        List<CompletionItem> hosts = complete(file, placing, placing.length());
        assertTrue(hosts.stream().anyMatch(i -> i.getLabel().equals("c") && i.getKind() == CompletionItemKind.Class), "a host is proposed with the"
                + " kind of hosts: " + hosts);
    }

    private static List<CompletionItem> concat(List<CompletionItem> a, List<CompletionItem> b) {
        List<CompletionItem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ------------------------------------------------------------------ export clashes

    @Test
    void theSameVmInTwoFilesIsAnErrorInBothAndGoesAwayInBoth() throws Exception {
        Path dir = workspace.resolve("clash");
        Files.createDirectories(dir);
        Path a = dir.resolve("a.vinfra");
        Path b = dir.resolve("b.vinfra");
        String aText = "host ha {\n\tmemory 8 GiB\n\thypervisor kvm\n}\n\nvm clashing on ha {\n\tmemory 1 GiB\n}\n";
        String bText = "host hb {\n\tmemory 8 GiB\n\thypervisor kvm\n}\n\nvm clashing on hb {\n\tmemory 1 GiB\n}\n";
        lsp.open(a, aText);
        lsp.open(b, bText);
        Diagnostic inB = clash(lsp.diagnostics(b, LanguageServerEditingTest::hasClash));
        assertNotNull(inB, "the clash is reported in b.vinfra");
        assertEquals(new Position(5, 3), inB.getRange().getStart(), "at the VM's name");
        assertTrue(inB.getMessage().getLeft().contains("libvirt/domains/clashing.xml") && inB.getMessage().getLeft().contains("a.vinfra"), inB.getMessage().getLeft());
        assertNotNull(clash(lsp.diagnostics(a, LanguageServerEditingTest::hasClash)), "and in a.vinfra");

        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspSession.uri(b), 2),
                List.of(new TextDocumentContentChangeEvent(bText.replace("vm clashing", "vm clashing2")))));
        assertNull(clash(lsp.diagnostics(a, d -> !hasClash(d))), "a.vinfra is validated again: no clash left");
    }

    private static boolean hasClash(List<Diagnostic> diagnostics) {
        return clash(diagnostics) != null;
    }

    private static Diagnostic clash(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.getCode() != null && "vinfra.export-clash".equals(d.getCode().getLeft())).findFirst().orElse(null);
    }
}
