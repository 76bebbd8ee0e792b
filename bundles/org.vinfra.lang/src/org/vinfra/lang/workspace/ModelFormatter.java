package org.vinfra.lang.workspace;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Formats a whole parsed file with the language's formatter. */
public class ModelFormatter {

    @Inject
    private Provider<TextRegionAccessBuilder> regionAccessBuilders;

    @Inject
    private Provider<FormatterRequest> requests;

    @Inject
    private Provider<IFormatter2> formatters;

    /**
     * @return the formatted text
     * @throws IllegalStateException when the file has syntax errors (formatting it could lose text)
     */
    public String format(XtextResource resource) {
        if (!resource.getParseResult().hasSyntaxErrors()) {
            ITextRegionAccess access = regionAccessBuilders.get().forNodeModel(resource).create();
            FormatterRequest request = requests.get();
            request.setTextRegionAccess(access);
            request.setAllowIdentityEdits(false);
            List<ITextReplacement> replacements = formatters.get().format(request);
            return access.getRewriter().renderToString(replacements);
        }
        throw new IllegalStateException("it has syntax errors; fix them first (vinfra validate shows them)");
    }
}
