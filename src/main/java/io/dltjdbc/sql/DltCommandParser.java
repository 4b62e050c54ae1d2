package io.dltjdbc.sql;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.sql.DltCommand.DropPipeline;
import io.dltjdbc.sql.DltCommand.LoadPipeline;
import io.dltjdbc.sql.DltCommand.ShowLoads;
import io.dltjdbc.sql.DltCommand.ShowPipeline;
import io.dltjdbc.sql.DltCommand.ShowPipelines;
import io.dltjdbc.sql.DltCommand.ShowRejected;
import io.dltjdbc.sql.SourceSpec.BuiltinSource;
import io.dltjdbc.sql.SourceSpec.FileSource;
import io.dltjdbc.sql.SourceSpec.InlineJson;
import io.dltjdbc.sql.SourceSpec.QuerySource;
import io.dltjdbc.sql.Token.TokenType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser for dlt-jdbc's own statements (SPEC §3, §4): one method per grammar
 * rule. jsqlparser cannot be extended with this grammar, and a hand-written parser gives the
 * precise "expected X but found Y at line:column" messages users need.
 *
 * <p>Syntax errors are SQLState 42601; an unknown option or a value outside its choices is
 * 22023 (see {@link LoadOption}).
 */
public final class DltCommandParser {

    private final String sql;
    private final List<Token> tokens;
    private int next;

    private DltCommandParser(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    /** Parses one statement; a trailing {@code ;} and comments are allowed, nothing else. */
    public static DltCommand parse(String sql) throws SQLException {
        Lexer lexer = new Lexer(sql, false);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.isEnd());
        DltCommandParser parser = new DltCommandParser(sql, tokens);
        DltCommand command = parser.command();
        parser.finish();
        return command;
    }

    private DltCommand command() throws SQLException {
        if (accept("LOAD")) {
            expect("PIPELINE", "after LOAD");
            return load(false);
        }
        if (accept("EXPLAIN")) {
            expect("LOAD", "after EXPLAIN");
            expect("PIPELINE", "after EXPLAIN LOAD");
            return load(true);
        }
        if (accept("SHOW")) {
            return show();
        }
        if (accept("DROP")) {
            expect("PIPELINE", "after DROP");
            String name = identifier("pipeline name after DROP PIPELINE");
            boolean withTables = false;
            if (accept("WITH")) {
                expect("TABLES", "after WITH");
                withTables = true;
            }
            return new DropPipeline(name, withTables);
        }
        throw expected("LOAD PIPELINE, EXPLAIN LOAD PIPELINE, SHOW or DROP PIPELINE");
    }

    private LoadPipeline load(boolean explain) throws SQLException {
        String name = identifier("pipeline name after LOAD PIPELINE");
        expect("FROM", "after pipeline name");
        List<SourceSpec> sources = new ArrayList<>();
        sources.add(source("FROM"));
        while (acceptSymbol(",")) {
            sources.add(source("','"));
        }
        String dataset = null;
        String table = null;
        if (accept("INTO")) {
            table = identifier("table name after INTO");
            if (acceptSymbol(".")) {
                dataset = table;
                table = identifier("table name after '" + dataset + ".'");
            }
        }
        Map<String, Object> options = Map.of();
        if (accept("WITH")) {
            options = new OptionsParser(this).options();
        }
        return new LoadPipeline(name, Collections.unmodifiableList(sources), dataset, table,
                options, explain);
    }

    private SourceSpec source(String after) throws SQLException {
        Token token = peek();
        if (token.type() == TokenType.STRING || token.type() == TokenType.PARAMETER) {
            next++;
            String format = null;
            if (accept("FORMAT")) {
                Token value = peek();
                if (value.type() != TokenType.WORD && value.type() != TokenType.STRING) {
                    throw expected("jsonl, json, csv or parquet after FORMAT");
                }
                next++;
                format = (String) LoadOption.FORMAT.check(value.value(), at(value));
            }
            return new FileSource(text(token), format, parameter(token));
        }
        if (accept("JSON")) {
            Token json = stringOrParameter("JSON text as a string literal after JSON");
            return new InlineJson(text(json), parameter(json));
        }
        if (accept("QUERY")) {
            Token query = stringOrParameter("SQL text as a string literal after QUERY");
            Token url = null;
            if (accept("ON")) {
                url = stringOrParameter("JDBC URL as a string literal after ON");
            }
            return new QuerySource(text(query), url == null ? null : text(url), parameter(query),
                    url == null ? null : parameter(url));
        }
        if (accept("SOURCE")) {
            String name = identifier("source name after SOURCE");
            return new BuiltinSource(name, new OptionsParser(this).arguments(name));
        }
        throw expected("a source ('path', JSON, QUERY or SOURCE) after " + after);
    }

    private DltCommand show() throws SQLException {
        if (accept("PIPELINES")) {
            return new ShowPipelines();
        }
        if (accept("PIPELINE")) {
            return new ShowPipeline(identifier("pipeline name after SHOW PIPELINE"));
        }
        if (accept("LOADS")) {
            return showLoads();
        }
        if (accept("REJECTED")) {
            if (!accept("FOR")) {
                return new ShowRejected(null);
            }
            Token id = peek();
            if (id.type() != TokenType.STRING && id.type() != TokenType.PARAMETER
                    && id.type() != TokenType.NUMBER) {
                throw expected("load id as a string literal after SHOW REJECTED FOR");
            }
            next++;
            return new ShowRejected(text(id), parameter(id));
        }
        throw expected("PIPELINES, PIPELINE, LOADS or REJECTED after SHOW");
    }

    /** FOR and RUNNING may come in either order, each once. */
    private ShowLoads showLoads() throws SQLException {
        String pipeline = null;
        boolean running = false;
        while (true) {
            if (pipeline == null && accept("FOR")) {
                pipeline = identifier("pipeline name after SHOW LOADS FOR");
            } else if (!running && accept("RUNNING")) {
                running = true;
            } else {
                return new ShowLoads(pipeline, running);
            }
        }
    }

    private void finish() throws SQLException {
        acceptSymbol(";");
        Token token = peek();
        if (!token.isEnd()) {
            throw DltSqlState.SYNTAX_ERROR.exception("unexpected " + token.describe()
                    + " after end of statement" + at(token));
        }
    }

    // ---- token helpers, shared with OptionsParser -------------------------------------------

    Token peek() {
        return tokens.get(Math.min(next, tokens.size() - 1));
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    Token take() {
        Token token = peek();
        if (!token.isEnd()) {
            next++;
        }
        return token;
    }

    boolean accept(String keyword) {
        if (peek().isKeyword(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String keyword, String context) throws SQLException {
        if (!accept(keyword)) {
            throw expected(keyword + " " + context);
        }
    }

    void expectSymbol(String symbol, String context) throws SQLException {
        if (!acceptSymbol(symbol)) {
            throw expected("'" + symbol + "' " + context);
        }
    }

    /** A bare identifier (any word, keywords included: position decides) or a quoted one. */
    String identifier(String what) throws SQLException {
        Token token = peek();
        if (token.type() == TokenType.WORD
                || (token.type() == TokenType.QUOTED_IDENTIFIER && !token.value().isEmpty())) {
            next++;
            return token.value();
        }
        throw expected(what);
    }

    private Token stringOrParameter(String what) throws SQLException {
        Token token = peek();
        if (token.type() != TokenType.STRING && token.type() != TokenType.PARAMETER) {
            throw expected(what);
        }
        next++;
        return token;
    }

    private static String text(Token token) {
        return token.type() == TokenType.PARAMETER ? null : token.value();
    }

    private static Parameter parameter(Token token) {
        return token.type() == TokenType.PARAMETER ? new Parameter(token.paramIndex()) : null;
    }

    SQLException expected(String what) {
        Token token = peek();
        return DltSqlState.SYNTAX_ERROR.exception(
                "expected " + what + " but found " + token.describe() + at(token));
    }

    /** " at line:column" of a token, for messages. */
    String at(Token token) {
        return " at " + Position.of(sql, token.offset());
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
