package org.vinfra.ui.properties;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.properties.IPropertySheetPage;

/** Gives a text editor of a .vinfra file the Properties view's page of the element under its caret. */
public final class TextEditorPropertiesAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == IPropertySheetPage.class && adaptable instanceof ITextEditor editor
                && Adapters.adapt(editor.getEditorInput(), IFile.class) instanceof IFile file && "vinfra".equals(file.getFileExtension())) {
            return adapterType.cast(new TextEditorPropertySheetPage(editor));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySheetPage.class };
    }
}
