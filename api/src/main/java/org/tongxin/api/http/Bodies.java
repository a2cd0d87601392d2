package org.tongxin.api.http;

import io.javalin.http.Context;

/** JSON request bodies read strictly: a missing or malformed body is a 400 with an example, never a 500. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type, String example) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new ApiException.BadRequest("a JSON body is required, like " + example);
            }
            return body;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException.BadRequest("the body must be JSON like " + example);
        }
    }
}
