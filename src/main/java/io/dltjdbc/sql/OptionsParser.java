package io.dltjdbc.sql;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.sql.Token.TokenType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code name = value} lists of DltCommandParser: {@code WITH (...)} options and
 * {@code SOURCE name(...)} arguments, and the values they hold. Kept apart so the statement
 * grammar reads on its own.
 *
 * <p>Values: 'strings', numbers (integer → Long, else BigDecimal), true/false, null, {@code ?},
 * bare words as strings ({@code merge}, also hyphenated ones written without spaces such as
 * {@code delete-insert}), and lists {@code ('a', 'b')} or {@code ['a', 'b']}.
 */
final class OptionsParser {

    private final DltCommandParser parser;

    OptionsParser(DltCommandParser parser) {
        this.parser = parser;
    }

    /** After WITH: {@code ( option = value [, ...] )}, names checked against LoadOption. */
    Map<String, Object> options() throws SQLException {
        parser.expectSymbol("(", "after WITH");
        Map<String, Object> options = new LinkedHashMap<>();
        do {
            Token name = parser.peek();
            String option = parser.identifier("option name in WITH");
            LoadOption known = LoadOption.find(option).orElseThrow(() ->
                    DltSqlState.INVALID_PARAMETER_VALUE.exception("unknown option '" + option
                            + "'" + parser.at(name) + "; valid options: "
                            + LoadOption.validNames()));
            rejectDuplicate(options, known.optionName(), "option", name);
            parser.expectSymbol("=", "after option " + known.optionName());
            Token valueToken = parser.peek();
            Object value = value();
            // ? is checked when bound; a literal now, so a typo fails before anything runs
            options.put(known.optionName(), value instanceof Parameter ? value
                    : known.check(value, parser.at(valueToken)));
        } while (parser.acceptSymbol(","));
        closeList(")", "to close WITH options");
        return Collections.unmodifiableMap(options);
    }

    /** After {@code SOURCE name}: {@code ( [arg = value [, ...]] )}, names lower-cased. */
    Map<String, Object> arguments(String source) throws SQLException {
        parser.expectSymbol("(", "after SOURCE " + source);
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (!parser.peek().isSymbol(")")) {
            do {
                Token name = parser.peek();
                String argument = DltCommandParser.lower(
                        parser.identifier("argument name of SOURCE " + source));
                rejectDuplicate(arguments, argument, "argument", name);
                parser.expectSymbol("=", "after argument " + argument);
                arguments.put(argument, value());
            } while (parser.acceptSymbol(","));
        }
        closeList(")", "to close SOURCE " + source + " arguments");
        return Collections.unmodifiableMap(arguments);
    }

    /** Reached when no ',' follows an item, so either could be what the user left out. */
    private void closeList(String close, String context) throws SQLException {
        if (!parser.acceptSymbol(close)) {
            throw parser.expected("',' or '" + close + "' " + context);
        }
    }

    private void rejectDuplicate(Map<String, Object> seen, String name, String what, Token at)
            throws SQLException {
        if (seen.containsKey(name)) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception(
                    what + " " + name + " given twice" + parser.at(at));
        }
    }

    Object value() throws SQLException {
        Token token = parser.peek();
        switch (token.type()) {
            case STRING, QUOTED_IDENTIFIER:
                parser.take();
                return token.value();
            case NUMBER:
                parser.take();
                return number(token.text());
            case PARAMETER:
                parser.take();
                return new Parameter(token.paramIndex());
            case WORD:
                return word();
            default:
                break;
        }
        if ((token.isSymbol("-") || token.isSymbol("+"))
                && parser.peek(1).type() == TokenType.NUMBER) {
            parser.take();
            return number(token.text() + parser.take().text());
        }
        if (token.isSymbol("(")) {
            return list("(", ")");
        }
        if (token.isSymbol("[")) {
            return list("[", "]");
        }
        throw parser.expected("a value (string, number, true, false, null, word, list or ?)");
    }

    private Object word() {
        Token token = parser.take();
        String lower = DltCommandParser.lower(token.text());
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        if (lower.equals("null")) {
            return null;
        }
        StringBuilder word = new StringBuilder(token.text());
        Token last = token;
        while (parser.peek().isSymbol("-") && parser.peek().offset() == last.end()
                && parser.peek(1).type() == TokenType.WORD
                && parser.peek(1).offset() == parser.peek().end()) {
            parser.take();
            last = parser.take();
            word.append('-').append(last.text());
        }
        return word.toString();
    }

    private List<Object> list(String open, String close) throws SQLException {
        parser.expectSymbol(open, "to open a list");
        List<Object> values = new ArrayList<>();
        if (!parser.peek().isSymbol(close)) {
            do {
                values.add(value());
            } while (parser.acceptSymbol(","));
        }
        closeList(close, "to close the list");
        return Collections.unmodifiableList(values);
    }

    private static Object number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                // beyond long: keep it exact as a decimal
            }
        }
        return new BigDecimal(text);
    }
}
