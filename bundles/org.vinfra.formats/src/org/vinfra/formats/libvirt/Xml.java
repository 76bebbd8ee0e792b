package org.vinfra.formats.libvirt;

import java.io.StringWriter;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A small builder over the JDK's DOM: elements with attributes and text, printed indented. */
final class Xml {

    /** Factories are expensive to look up and safe to share for creating builders and transformers. */
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    private final Document document;

    private Xml(Document document) {
        this.document = document;
    }

    static Xml create() {
        try {
            return new Xml(newDocument());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Document newDocument() throws ParserConfigurationException {
        return DOCUMENTS.newDocumentBuilder().newDocument();
    }

    private static synchronized Transformer newTransformer() throws TransformerException {
        return TRANSFORMERS.newTransformer();
    }

    Element root(String name) {
        Element root = document.createElement(name);
        document.appendChild(root);
        return root;
    }

    Element add(Element parent, String name, String... attributes) {
        Element element = document.createElement(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            element.setAttribute(attributes[i], attributes[i + 1]);
        }
        parent.appendChild(element);
        return element;
    }

    Element text(Element parent, String name, String text, String... attributes) {
        Element element = add(parent, name, attributes);
        element.setTextContent(text);
        return element;
    }

    String print(String comment) {
        document.insertBefore(document.createComment(" " + comment + " "), document.getDocumentElement());
        try {
            Transformer transformer = newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString().replace("\r\n", "\n").replaceFirst("-->", "-->\n").trim() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
