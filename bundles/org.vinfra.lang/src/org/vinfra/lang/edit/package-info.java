/**
 * Model edits as minimal text edits: what the topology diagram, the Eclipse UI and the language
 * server do to a .vinfra file when the user acts on elements rather than on text.
 *
 * <p>The text stays the only source of truth. Each operation of {@link org.vinfra.lang.edit.ModelEdits}
 * computes the smallest change of the text that gives the intended model, from the syntax tree's
 * ranges (no re-serialization): the untouched text, its comments and its layout stay byte-identical.
 * Before answering, the operation applies its edits to a copy of every loaded file, parses and links
 * the copy again, and checks that the copy means what was intended; otherwise it refuses with a
 * reason that says what is wrong, why and how to fix it, and no file changes.
 *
 * <p>Results are {@link org.vinfra.lang.edit.EditResult}s: {@link org.vinfra.lang.edit.EditResult.Applied}
 * (the {@link org.vinfra.lang.edit.TextEdit}s per file, a description for undo menus, notes for the
 * user) or {@link org.vinfra.lang.edit.EditResult.Refused}. The rules (where an insertion goes, what a
 * deletion takes with it, how a rename follows replicas) are documented in {@code docs/diagrams.md},
 * section "Editing: one minimal text edit per operation".
 */
package org.vinfra.lang.edit;
