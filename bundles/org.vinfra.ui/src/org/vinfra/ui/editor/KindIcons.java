package org.vinfra.ui.editor;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.swt.graphics.Image;
import org.vinfra.ui.VinfraUi;

/**
 * The 16x16 icon of each kind of element, in one place for the Outline (document symbol kinds) and content assist
 * (completion item kinds). The kinds come from the language's {@code ElementKinds} table (host = Class, VM = Struct,
 * network = Interface...); the icons are the codicons of the diagram's tool palette, coloured per kind
 * ({@code icons/kinds/make-icons.sh}).
 */
public final class KindIcons {

    private KindIcons() {
    }

    /** The icon of an element in the Outline; never null. */
    public static Image of(SymbolKind kind) {
        return image(kind == null ? "property" : switch (kind) {
            case Class -> "host";
            case Struct -> "vm";
            case Interface -> "network";
            case Object -> "container";
            case Namespace -> "compose";
            case Package -> "image";
            case Field -> "nic";
            case File -> "storage";
            case Key -> "secret";
            case Function -> "workload";
            case Constructor -> "hypervisor";
            case Event -> "timeline";
            default -> "property";
        });
    }

    /** The icon of a completion proposal; never null. */
    public static Image of(CompletionItemKind kind) {
        return image(kind == null ? "reference" : switch (kind) {
            case Class -> "host";
            case Struct -> "vm";
            case Interface -> "network";
            case Module -> "container";
            case Folder -> "compose";
            case File -> "storage";
            case Field -> "nic";
            case Value -> "secret";
            case Function -> "workload";
            case Keyword -> "keyword";
            case Unit -> "unit";
            case Snippet -> "snippet";
            default -> "reference";
        });
    }

    /** The icon named {@code icons/kinds/NAME.png}, loaded once into the bundle's image registry. */
    static Image image(String name) {
        ImageRegistry registry = VinfraUi.get().getImageRegistry();
        String key = "kinds/" + name;
        Image image = registry.get(key);
        if (image == null) {
            registry.put(key, ResourceLocator.imageDescriptorFromBundle(VinfraUi.class, "icons/kinds/" + name + ".png")
                    .orElse(ImageDescriptor.getMissingImageDescriptor()));
            image = registry.get(key);
        }
        return image;
    }
}
