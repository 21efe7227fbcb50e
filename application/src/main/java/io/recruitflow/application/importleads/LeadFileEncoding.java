package io.recruitflow.application.importleads;

/**
 * How the text of a lead file was encoded, as the reader found out: by its byte-order mark, else by whether its
 * bytes are valid UTF-8, else Windows-1252 (what Excel's "CSV (Comma delimited)" writes on Windows in the US
 * and Western Europe).
 */
public enum LeadFileEncoding {
    /** Only ASCII characters: every encoding reads them alike. */
    ASCII("ASCII"),
    UTF_8("UTF-8"),
    UTF_8_BOM("UTF-8 (with byte-order mark)"),
    UTF_16LE("UTF-16LE (with byte-order mark)"),
    UTF_16BE("UTF-16BE (with byte-order mark)"),
    WINDOWS_1252("Windows-1252");

    private final String label;

    LeadFileEncoding(String label) {
        this.label = label;
    }

    /** As people name it: {@code UTF-8}, {@code Windows-1252}. */
    public String label() {
        return label;
    }
}
