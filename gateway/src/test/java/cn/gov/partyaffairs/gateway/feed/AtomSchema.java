package cn.gov.partyaffairs.gateway.feed;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** RFC 4287's RELAX NG schema (Appendix B, {@code atom/atom.rnc}) applied by Jing. */
final class AtomSchema {

    private AtomSchema() {
    }

    /** Jing's complaints about the document; empty when it is a valid Atom document. */
    static List<String> problems(byte[] document) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        if (!driver.loadSchema(new InputSource(AtomSchema.class.getResource("/atom/atom.rnc").toString()))) {
            throw new IllegalStateException("the Atom schema does not load: " + errors);
        }
        boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(document)));
        if (!valid && errors.isEmpty()) {
            errors.add("invalid");
        }
        return errors;
    }
}
