package io.recruitflow.sandbox;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/**
 * {@code /_sandbox/delivery-failures}: which texts the sandbox reports as not delivered ({@link DeliveryFailures}).
 * {@code GET} shows them; {@code POST {"phone": "+15551234567", "reason": "unregistered", "times": 1}} fails the
 * texts to a number (all of them without {@code times}), {@code POST {"rate": 0.05, "reason": "temporary",
 * "seed": 7}} a share of all texts; {@code DELETE} delivers every text again.
 */
final class DeliveryFailureRoutes {
    private final Engine engine;

    DeliveryFailureRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(ApiServer.Routes routes) {
        routes.admin(HandlerType.GET, "/_sandbox/delivery-failures", ctx -> json(ctx, 200));
        routes.admin(HandlerType.POST, "/_sandbox/delivery-failures", this::configure);
        routes.admin(HandlerType.DELETE, "/_sandbox/delivery-failures", ctx -> {
            engine.deliveryFailures.clear();
            json(ctx, 200);
        });
    }

    private void configure(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        try {
            String reason = Json.string(body, "reason");
            if (body.get("rate") instanceof Number rate) {
                long seed = body.get("seed") instanceof Number n ? n.longValue() : 1L;
                engine.deliveryFailures.failAtRate(
                        rate.doubleValue(),
                        reason == null ? DeliveryFailures.Reason.TEMPORARY : DeliveryFailures.Reason.of(reason),
                        seed);
            } else {
                int times = body.get("times") instanceof Number n ? n.intValue() : -1;
                engine.deliveryFailures.failTextsTo(
                        Json.string(body, "phone"),
                        DeliveryFailures.Reason.of(reason == null ? "unregistered" : reason),
                        times);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        json(ctx, 200);
    }

    private void json(Context ctx, int status) {
        ctx.status(status).contentType("application/json").result(Json.write(engine.deliveryFailures.toJson()));
    }
}
