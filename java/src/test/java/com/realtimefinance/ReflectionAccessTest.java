package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Public methods of the classes that extend package-private bases. Reflection
 * from another package can call a method only when the class that declares it
 * is public, so every public method must be declared, or bridged, there.
 */
class ReflectionAccessTest {
    private static final List<Class<?>> CLASSES = List.of(
            CreatePaymentParams.class, CreatePaymentParams.Builder.class,
            CreateFraudAssessmentParams.class, CreateFraudAssessmentParams.Builder.class,
            CreateWebhookEndpointParams.class, CreateWebhookEndpointParams.Builder.class,
            ListTransactionsParams.class, ListTransactionsParams.Builder.class,
            ListPaymentsParams.class, ListPaymentsParams.Builder.class,
            ListEventsParams.class, ListEventsParams.Builder.class,
            Payment.class, Transaction.class, FraudAssessment.class, FraudReason.class,
            WebhookEndpoint.class, Event.class);

    @Test
    void publicMethodsHavePublicDeclarer() {
        for (Class<?> type : CLASSES) {
            for (Method method : type.getMethods()) {
                Class<?> declarer = method.getDeclaringClass();
                assertTrue(Modifier.isPublic(declarer.getModifiers()),
                        type.getSimpleName() + "." + method.getName() + " is declared in " + declarer.getName());
            }
        }
    }
}
