/**
 * The vinfra product: its perspective (the layout the IDE opens in) and its help (Help > Help
 * Contents and Search open vinfra's guide). The branding itself (name, window title, about text,
 * icons) is the {@code org.eclipse.core.runtime.products} extension in plugin.xml.
 */
package org.vinfra.ui.product;
