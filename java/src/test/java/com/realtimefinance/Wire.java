package com.realtimefinance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The API's wire form (snake_case fields with {@code object}) of the SDK's result types, for comparisons. */
final class Wire {
    private Wire() {}

    /** Returns a new map that contains the two fields every API object starts with, {@code id} and {@code object}. */
    private static Map<String, Object> start(String id, String object) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", id);
        wire.put("object", object);
        return wire;
    }

    static Map<String, Object> of(Transaction value) {
        Map<String, Object> wire = start(value.getId(), value.getObject());
        wire.put("amount", value.getAmount());
        wire.put("currency", value.getCurrency());
        wire.put("status", value.getStatus().getValue());
        wire.put("direction", value.getDirection().getValue());
        wire.put("account", value.getAccount());
        wire.put("counterparty", value.getCounterparty());
        wire.put("description", value.getDescription());
        wire.put("created", value.getCreated());
        return wire;
    }

    static Map<String, Object> of(Payment value) {
        Map<String, Object> wire = start(value.getId(), value.getObject());
        wire.put("amount", value.getAmount());
        wire.put("currency", value.getCurrency());
        wire.put("status", value.getStatus().getValue());
        wire.put("source_account", value.getSourceAccount());
        wire.put("destination_account", value.getDestinationAccount());
        wire.put("description", value.getDescription());
        wire.put("metadata", value.getMetadata());
        wire.put("failure_code", value.getFailureCode());
        wire.put("created", value.getCreated());
        wire.put("canceled_at", value.getCanceledAt());
        return wire;
    }

    static Map<String, Object> of(FraudAssessment value) {
        Map<String, Object> wire = start(value.getId(), value.getObject());
        wire.put("risk_score", value.getRiskScore());
        wire.put("decision", value.getDecision().getValue());
        List<Map<String, Object>> reasons = value.getReasons().stream()
                .map(reason -> Map.<String, Object>of("code", reason.getCode(), "message", reason.getMessage()))
                .collect(Collectors.toList());
        wire.put("reasons", reasons);
        wire.put("amount", value.getAmount());
        wire.put("currency", value.getCurrency());
        wire.put("source_account", value.getSourceAccount());
        wire.put("destination_account", value.getDestinationAccount());
        wire.put("payment", value.getPayment());
        wire.put("created", value.getCreated());
        return wire;
    }

    static Map<String, Object> of(Event value) {
        Map<String, Object> wire = start(value.getId(), value.getObject());
        wire.put("type", value.getType());
        wire.put("created", value.getCreated());
        try {
            wire.put("data", Map.of("object", Sandbox.JSON.readTree(value.getDataObjectJson())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("event " + value.getId() + " carries invalid JSON", e);
        }
        return wire;
    }

    static Map<String, Object> of(WebhookEndpoint value) {
        Map<String, Object> wire = start(value.getId(), value.getObject());
        wire.put("url", value.getUrl());
        wire.put("enabled_events", value.getEnabledEvents());
        wire.put("description", value.getDescription());
        wire.put("secret", value.getSecret());
        wire.put("status", value.getStatus());
        wire.put("created", value.getCreated());
        return wire;
    }
}
