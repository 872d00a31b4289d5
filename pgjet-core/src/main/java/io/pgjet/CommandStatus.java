package io.pgjet;

/**
 * The outcome of a statement as the server reported it in CommandComplete, e.g.
 * {@code INSERT 0 3} or {@code CREATE TABLE}.
 *
 * @param tag the full command tag
 */
public record CommandStatus(String tag) {

    /**
     * Returns the command word(s) without counts, e.g. {@code INSERT} or {@code CREATE TABLE}.
     *
     * @return the tag without its trailing row counts
     */
    public String command() {
        int end = tag.length();
        while (end > 0 && (Character.isDigit(tag.charAt(end - 1)) || tag.charAt(end - 1) == ' ')) {
            end--;
        }
        return tag.substring(0, end);
    }

    /**
     * Returns the number of rows the statement processed (the last number in the tag), or -1 for
     * commands that report none.
     *
     * @return the row count, or -1
     */
    public long rowCount() {
        int end = tag.length();
        int start = end;
        while (start > 0 && Character.isDigit(tag.charAt(start - 1))) {
            start--;
        }
        if (start == end || start == 0 || tag.charAt(start - 1) != ' ') {
            return -1;
        }
        return Long.parseLong(tag, start, end, 10);
    }

    @Override
    public String toString() {
        return tag;
    }
}
