package io.pgjet.types;

import java.util.List;
import java.util.Objects;

/**
 * Holds a PostgreSQL {@code tsvector}: sorted distinct lexemes with optional weighted positions.
 * Immutable and thread-safe.
 *
 * @param lexemes the lexemes in the order the server keeps them (sorted, distinct)
 */
public record PgTsVector(List<Lexeme> lexemes) {

    /**
     * Creates a tsvector.
     *
     * @param lexemes see the record component
     * @throws NullPointerException if the list or a lexeme is null
     */
    public PgTsVector {
        lexemes = List.copyOf(lexemes);
    }

    /**
     * Renders the vector as PostgreSQL does, e.g. {@code 'cat':3 'fat':2A,4}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lexemes.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(lexemes.get(i));
        }
        return sb.toString();
    }

    /**
     * Appends a lexeme quoted as tsvector and tsquery output quote it: in single quotes with
     * {@code '} and {@code \} doubled.
     */
    static void quote(StringBuilder sb, String word) {
        sb.append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        sb.append('\'');
    }

    /**
     * Holds one lexeme and its positions.
     *
     * @param word      the lexeme text
     * @param positions the positions, possibly empty
     */
    public record Lexeme(String word, List<Position> positions) {

        /**
         * Creates a lexeme.
         *
         * @param word see the record component
         * @param positions see the record component
         * @throws NullPointerException if the word, the list or a position is null
         */
        public Lexeme {
            Objects.requireNonNull(word, "word");
            positions = List.copyOf(positions);
        }

        /**
         * Renders the lexeme as PostgreSQL does, e.g. {@code 'fat':2A,4}.
         *
         * @return the text form
         */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            quote(sb, word);
            for (int i = 0; i < positions.size(); i++) {
                sb.append(i == 0 ? ':' : ',').append(positions.get(i));
            }
            return sb.toString();
        }
    }

    /**
     * Holds one position of a lexeme.
     *
     * @param position the word position, 1..16383
     * @param weight   {@code 'A'}, {@code 'B'}, {@code 'C'} or {@code 'D'} (the default)
     */
    public record Position(int position, char weight) {

        /**
         * Creates a position.
         *
         * @param position see the record component
         * @param weight see the record component
         * @throws IllegalArgumentException if the position or weight is out of range
         */
        public Position {
            if (position < 0 || position > 0x3fff || weight < 'A' || weight > 'D') {
                throw new IllegalArgumentException("invalid tsvector position " + position + weight);
            }
        }

        /**
         * Renders the position as PostgreSQL does: the number, then the weight unless it is D.
         *
         * @return e.g. {@code 2A}
         */
        @Override
        public String toString() {
            return weight == 'D' ? Integer.toString(position) : position + String.valueOf(weight);
        }
    }
}
