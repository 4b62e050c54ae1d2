package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.List;

/** BigQuery's errors as SQLExceptions: BigQuery's own message kept, a SQLState chosen from its reason. */
final class BigQueryErrors {
    private BigQueryErrors() {
    }

    static SQLException of(String context, BigQueryException e) {
        BigQueryError error = e.getError();
        String reason = error == null ? null : error.getReason();
        String message = e.getMessage();
        if (message == null && error != null) {
            message = error.getMessage();
        }
        DltSqlState state = unreachable(e) ? DltSqlState.CONNECTION_UNABLE_TO_CONNECT : state(reason, e.getCode());
        return state.exception("BigQuery: " + context + ": " + message, e);
    }

    /**
     * The client reports a refused connection, an unknown host or a timeout as code 0 with the I/O error as its
     * cause: that is class 08 (what pools and DBeaver's reconnect act on), not a data exception.
     */
    private static boolean unreachable(BigQueryException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static SQLException of(String context, BigQueryError error, List<BigQueryError> details) {
        StringBuilder message = new StringBuilder("BigQuery: ").append(context).append(": ").append(error.getMessage());
        if (details != null) {
            for (BigQueryError detail : details) {
                if (detail.getMessage() != null && !detail.getMessage().equals(error.getMessage())) {
                    message.append("; ").append(detail.getMessage());
                }
            }
        }
        return state(error.getReason(), 0).exception(message.toString());
    }

    private static DltSqlState state(String reason, int code) {
        if (reason != null) {
            switch (reason) {
                case "invalidQuery":
                    return DltSqlState.SYNTAX_ERROR;
                case "notFound":
                    return DltSqlState.UNDEFINED_TABLE;
                case "accessDenied":
                    return DltSqlState.INVALID_AUTHORIZATION;
                case "stopped":
                    return DltSqlState.QUERY_CANCELED;
                case "invalid":
                    return DltSqlState.DATA_EXCEPTION;
                default:
                    break;
            }
        }
        if (code == 401 || code == 403) {
            return DltSqlState.INVALID_AUTHORIZATION;
        }
        if (code == 404) {
            return DltSqlState.UNDEFINED_TABLE;
        }
        return code >= 500 || code < 0 ? DltSqlState.CONNECTION_FAILURE : DltSqlState.DATA_EXCEPTION;
    }
}
