package org.matscreen.optimade.http;

/**
 * A request that cannot be answered as asked, with the HTTP status OPTIMADE prescribes and a message for the client.
 * Carries no stack trace: it is an answer, not a bug.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    static ApiException notImplemented(String detail) {
        return new ApiException(501, detail);
    }

    /** The reason phrase of a status, for the error object's title. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 553 -> "Version Not Supported";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
