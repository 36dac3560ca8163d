package vn.govqms.kit.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelledTest {

    enum Outcome implements Labelled {
        @Label("Còn phù hợp") STILL_FITS,
        @Label("Cần sửa đổi") NEEDS_AMENDMENT {
            @Override
            public String toString() {
                return "a constant with a body of its own";
            }
        }
    }

    enum Unlabelled implements Labelled {
        @Label("Có nhãn") LABELLED,
        FORGOTTEN
    }

    @Test
    void eachConstantReadsItsOwnLabel() {
        assertEquals("Còn phù hợp", Outcome.STILL_FITS.label());
        assertEquals("Cần sửa đổi", Outcome.NEEDS_AMENDMENT.label());
    }

    @Test
    void aConstantWithoutALabelIsAnErrorOfTheEnumNotAnEmptyLabel() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Unlabelled.LABELLED::label);
        assertEquals(Unlabelled.class.getName() + ".FORGOTTEN has no @Label", e.getMessage());
    }
}
