/*
 * Tests of the C ABI against a running sandbox. scripts/test.sh starts the
 * sandbox and passes its settings in RTF_TEST_BASE_URL, RTF_TEST_SECRET_KEY
 * and RTF_TEST_WEBHOOK_SECRET, and runs this program under valgrind.
 *
 * Each check prints on failure; the last line is "N passed, N failed" and
 * the exit status is 1 when any check failed.
 */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "realtime_finance.h"

static int passed = 0;
static int failed = 0;

#define CHECK(condition)                                                              \
    do {                                                                              \
        if (condition) {                                                              \
            passed++;                                                                 \
        } else {                                                                      \
            failed++;                                                                 \
            fprintf(stderr, "FAIL %s:%d in %s: %s\n", __FILE__, __LINE__, __func__, \
                    #condition);                                                      \
        }                                                                             \
    } while (0)

/* Checks that report both values on failure. A NULL actual value fails. */
#define CHECK_KIND(error, expected) check_kind((error), (expected), __LINE__)
#define CHECK_STR(actual, expected) check_text((actual), (expected), TEXT_EQUALS, __LINE__)
#define CHECK_PREFIX(actual, prefix) check_text((actual), (prefix), TEXT_STARTS_WITH, __LINE__)
#define CHECK_CONTAINS(actual, part) check_text((actual), (part), TEXT_CONTAINS, __LINE__)
#define CHECK_LACKS(actual, part) check_text((actual), (part), TEXT_LACKS, __LINE__)

enum TextCheck { TEXT_EQUALS, TEXT_STARTS_WITH, TEXT_CONTAINS, TEXT_LACKS };

static void check_kind(const RtfError *error, RtfErrorKind expected, int line) {
    if (error != NULL && error->kind == expected) {
        passed++;
        return;
    }
    failed++;
    if (error == NULL) {
        fprintf(stderr, "FAIL line %d: expected error kind %d, got no error\n", line, (int)expected);
    } else {
        fprintf(stderr, "FAIL line %d: expected error kind %d, got %d: %s\n", line, (int)expected,
                (int)error->kind, error->message);
    }
}

static void check_text(const char *actual, const char *expected, enum TextCheck check, int line) {
    static const char *names[] = {"equal to", "starting with", "containing", "not containing"};
    int ok = 0;
    if (actual != NULL) {
        switch (check) {
        case TEXT_EQUALS: ok = strcmp(actual, expected) == 0; break;
        case TEXT_STARTS_WITH: ok = strncmp(actual, expected, strlen(expected)) == 0; break;
        case TEXT_CONTAINS: ok = strstr(actual, expected) != NULL; break;
        case TEXT_LACKS: ok = strstr(actual, expected) == NULL; break;
        }
    }
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL line %d: expected text %s \"%s\", got %s%s%s\n", line, names[check], expected,
            actual ? "\"" : "", actual ? actual : "NULL", actual ? "\"" : "");
}

static const char *base_url;
static const char *secret_key;
static const char *webhook_secret;

static char *client_config(const char *api_key) {
    static const char *format =
        "{\"api_key\":\"%s\",\"base_url\":\"%s\",\"ignore_environment\":true,"
        "\"language\":\"c\",\"language_version\":\"c11\"}";
    size_t size = strlen(format) + strlen(api_key) + strlen(base_url) + 1;
    char *config = malloc(size);
    snprintf(config, size, format, api_key, base_url);
    return config;
}

static RtfClient *new_client(void) {
    char *config = client_config(secret_key);
    RtfClient *client = NULL;
    RtfError *error = NULL;
    RtfStatus status = rtf_client_new(config, &client, &error);
    free(config);
    if (status != RTF_OK) {
        fprintf(stderr, "rtf_client_new failed: %s\n", error->message);
        rtf_error_free(error);
        exit(2);
    }
    return client;
}

/* Copies the string value of the first `"name":"` in a compact JSON text, or
 * returns NULL. Enough for the flat fields these tests read. */
static char *json_string(const char *json, const char *name) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
    const char *start = json ? strstr(json, pattern) : NULL;
    if (start == NULL) {
        return NULL;
    }
    start += strlen(pattern);
    const char *end = strchr(start, '"');
    return end ? strndup(start, (size_t)(end - start)) : NULL;
}

static int count_occurrences(const char *text, const char *needle) {
    int count = 0;
    for (const char *at = strstr(text, needle); at != NULL; at = strstr(at + 1, needle)) {
        count++;
    }
    return count;
}

static void test_version(void) {
    CHECK(rtf_abi_version() == RTF_ABI_VERSION);
    CHECK(rtf_version() != NULL);
    CHECK(strlen(rtf_version()) > 0);
}

static void test_client_new_and_free(void) {
    RtfClient *client = new_client();
    CHECK(client != NULL);
    rtf_client_free(client);
    rtf_client_free(NULL);
}

static void test_client_config_errors(void) {
    const char *configs[] = {
        "{not json",
        "[]",
        "{\"api_key\":\"sk_test_x\",\"colour\":\"blue\"}",
        "{\"api_key\":42}",
        "{\"client_id\":\"client_1\"}",
        "{\"api_key\":\"sk_test_x\",\"environment\":\"staging\"}",
        "{\"api_key\":\"sk_test_x\",\"timeout_seconds\":-1}",
    };
    for (size_t i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        RtfClient *client = (RtfClient *)0x1;
        RtfError *error = NULL;
        RtfStatus status = rtf_client_new(configs[i], &client, &error);
        CHECK(status == RTF_ERROR);
        CHECK(client == NULL);
        CHECK_KIND(error, RTF_ERROR_CONFIGURATION);
        CHECK(error == NULL || error->message != NULL);
        CHECK(error == NULL || error->http_status == 0);
        rtf_error_free(error);
    }
}

/* The core, not the glue, decides how settings combine, so its message names the conflicting field. */
static void test_client_config_conflict(void) {
    const char *config = "{\"api_key\":\"sk_test_x\",\"client_id\":\"client_1\"}";
    RtfClient *client = NULL;
    RtfError *error = NULL;
    CHECK(rtf_client_new(config, &client, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_CONFIGURATION);
    CHECK_CONTAINS(error ? error->message : NULL, "client_id");
    rtf_error_free(error);
}

static void test_secret_not_in_config_error(void) {
    const char *config = "{\"api_key\":\"sk_test_c0nf1gS3cr3tV4lu3xxxxxxxxx\",\"max_retries\":"
                         "\"sk_test_c0nf1gS3cr3tV4lu3xxxxxxxxx\"}";
    RtfClient *client = NULL;
    RtfError *error = NULL;
    CHECK(rtf_client_new(config, &client, &error) == RTF_ERROR);
    CHECK_LACKS(error ? error->message : NULL, "c0nf1gS3cr3t");
    CHECK_CONTAINS(error ? error->message : NULL, "max_retries");
    rtf_error_free(error);
}

static void test_call_retrieve(RtfClient *client) {
    char *page = NULL;
    RtfError *error = NULL;
    RtfStatus status =
        rtf_client_call(client, "transactions.list_page", "{\"limit\":2}", NULL, &page, &error);
    CHECK(status == RTF_OK);
    CHECK(error == NULL);
    CHECK_CONTAINS(page, "\"has_more\":");
    CHECK_CONTAINS(page, "\"object\":\"list\"");
    char *id = json_string(page, "id");
    CHECK_PREFIX(id, "txn_");

    char params[128];
    snprintf(params, sizeof params, "{\"id\":\"%s\"}", id ? id : "");
    char *transaction = NULL;
    status = rtf_client_call(client, "transactions.retrieve", params, NULL, &transaction, &error);
    CHECK(status == RTF_OK);
    char *retrieved_id = json_string(transaction, "id");
    CHECK_STR(retrieved_id, id ? id : "(no id)");
    CHECK_CONTAINS(transaction, "\"amount\":");
    CHECK_CONTAINS(transaction, "\"object\":\"transaction\"");

    free(retrieved_id);
    free(id);
    rtf_string_free(transaction);
    rtf_string_free(page);
    rtf_string_free(NULL);
}

static void test_call_not_found(RtfClient *client) {
    char *json = (char *)0x1;
    RtfError *error = NULL;
    RtfStatus status = rtf_client_call(client, "transactions.retrieve",
                                       "{\"id\":\"txn_doesnotexist0\"}", NULL, &json, &error);
    CHECK(status == RTF_ERROR);
    CHECK(json == NULL);
    CHECK(error != NULL);
    if (error == NULL) {
        return;
    }
    CHECK_KIND(error, RTF_ERROR_NOT_FOUND);
    CHECK(error->http_status == 404);
    CHECK(error->message != NULL && strlen(error->message) > 0);
    CHECK_STR(error->code, "resource_missing");
    CHECK_PREFIX(error->request_id, "req_");
    CHECK_STR(error->param, "id");
    CHECK(error->retry_after_seconds < 0);
    rtf_error_free(error);
    rtf_error_free(NULL);
}

static void test_call_authentication_error(void) {
    char *config = client_config("sk_test_000000000000000000000000wrong");
    RtfClient *client = NULL;
    RtfError *error = NULL;
    CHECK(rtf_client_new(config, &client, &error) == RTF_OK);
    free(config);

    char *json = NULL;
    RtfStatus status = rtf_client_call(client, "transactions.list_page", NULL, NULL, &json, &error);
    CHECK(status == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_AUTHENTICATION);
    CHECK(error != NULL && error->http_status == 401);
    CHECK_LACKS(error ? error->message : NULL, "000000000000000000000000wrong");
    rtf_error_free(error);
    rtf_client_free(client);
}

static void test_call_invalid_params(RtfClient *client) {
    struct {
        const char *operation;
        const char *params;
        const char *options;
        const char *param;
    } cases[] = {
        {"transactions.list_page", "{\"limit\":", NULL, "params_json"},
        {"transactions.list_page", "{\"colour\":1}", NULL, "colour"},
        {"transactions.retrieve", "{}", NULL, "id"},
        {"payments.create", "{\"amount\":\"ten\"}", NULL, "amount"},
        {"payments.retrieve", "{\"id\":\"pay_1\"}", "{\"retries\":1}", "options_json"},
        {"payments.retrieve", "{\"id\":\"pay_1\"}", "{\"timeout_seconds\":-1}", "timeout"},
        {"payments.retrieve", "{\"id\":\"pay_1\"}", "{\"timeout_seconds\":0}", "timeout"},
        {"payments.retrieve", "{\"id\":\"pay_1\"}", "{\"max_retries\":-1}", "max_retries"},
        {"payments.retrieve", "{\"id\":\"pay_1\"}", "{\"max_retries\":1.5}", "options_json"},
        {"transactions.delete", "{}", NULL, "operation"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = NULL;
        RtfError *error = NULL;
        RtfStatus status =
            rtf_client_call(client, cases[i].operation, cases[i].params, cases[i].options, &json, &error);
        CHECK(status == RTF_ERROR);
        CHECK_KIND(error, RTF_ERROR_INVALID_REQUEST);
        CHECK_STR(error ? error->param : NULL, cases[i].param);
        if (error != NULL && (error->param == NULL || strcmp(error->param, cases[i].param) != 0)) {
            fprintf(stderr, "  case %zu: param %s, message %s\n", i,
                    error->param ? error->param : "(null)", error->message);
        }
        rtf_error_free(error);
    }
}

static char *create_payment(RtfClient *client, const char *idempotency_key) {
    const char *params = "{\"amount\":2500,\"currency\":\"EUR\",\"source_account\":\"acct_alice\","
                         "\"destination_account\":\"acct_stays_pending\",\"description\":\"abi test\"}";
    char options[160];
    snprintf(options, sizeof options, "{\"idempotency_key\":\"%s\"}", idempotency_key);
    char *json = NULL;
    RtfError *error = NULL;
    if (rtf_client_call(client, "payments.create", params, options, &json, &error) != RTF_OK) {
        fprintf(stderr, "payments.create failed: %s\n", error ? error->message : "(no error)");
        rtf_error_free(error);
        return NULL;
    }
    char *id = json_string(json, "id");
    rtf_string_free(json);
    return id;
}

static void test_payment_idempotency_and_cancel(RtfClient *client) {
    char key[64];
    snprintf(key, sizeof key, "abi-test-%ld-%d", (long)time(NULL), rand());
    char *first = create_payment(client, key);
    char *replay = create_payment(client, key);
    CHECK_PREFIX(first, "pay_");
    CHECK_STR(replay, first ? first : "(no first payment)");

    char params[128];
    snprintf(params, sizeof params, "{\"id\":\"%s\"}", first ? first : "");
    char *json = NULL;
    RtfError *error = NULL;
    CHECK(rtf_client_call(client, "payments.cancel", params, NULL, &json, &error) == RTF_OK);
    char *status = json_string(json, "status");
    CHECK_STR(status, "canceled");
    free(status);
    rtf_string_free(json);

    json = NULL;
    CHECK(rtf_client_call(client, "payments.cancel", params, NULL, &json, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_CONFLICT);
    CHECK_STR(error ? error->code : NULL, "payment_not_cancelable");
    rtf_error_free(error);
    free(first);
    free(replay);
}

static void test_paginator_to_end(RtfClient *client) {
    RtfPaginator *paginator = NULL;
    RtfError *error = NULL;
    RtfStatus status =
        rtf_paginator_new(client, "transactions.list", "{\"limit\":100}", NULL, &paginator, &error);
    CHECK(status == RTF_OK);
    CHECK(paginator != NULL);
    if (paginator == NULL) {
        rtf_error_free(error);
        return;
    }

    int pages = 0;
    int transactions = 0;
    /* The sandbox seeds several hundred transactions; the bound only stops a
     * paginator that never ends. */
    for (int i = 0; i < 100; i++) {
        char *json = (char *)0x1;
        status = rtf_paginator_next_page(paginator, &json, &error);
        CHECK(status == RTF_OK);
        if (status != RTF_OK || json == NULL) {
            rtf_error_free(error);
            break;
        }
        CHECK(json[0] == '[');
        pages++;
        transactions += count_occurrences(json, "\"id\":\"txn_");
        rtf_string_free(json);
    }
    CHECK(pages >= 2);
    CHECK(transactions > 100);

    char *json = (char *)0x1;
    CHECK(rtf_paginator_next_page(paginator, &json, &error) == RTF_OK);
    CHECK(json == NULL);
    rtf_paginator_free(paginator);
    rtf_paginator_free(NULL);
}

static void test_paginator_outlives_client(void) {
    RtfClient *client = new_client();
    RtfPaginator *paginator = NULL;
    RtfError *error = NULL;
    CHECK(rtf_paginator_new(client, "transactions.list", "{\"limit\":3}", NULL, &paginator, &error) ==
          RTF_OK);
    rtf_client_free(client);

    char *json = NULL;
    CHECK(rtf_paginator_next_page(paginator, &json, &error) == RTF_OK);
    CHECK_CONTAINS(json, "\"id\":\"txn_");
    rtf_string_free(json);
    rtf_paginator_free(paginator);
}

static void test_paginator_errors(RtfClient *client) {
    RtfPaginator *paginator = NULL;
    RtfError *error = NULL;
    CHECK(rtf_paginator_new(client, "transactions.list", "{\"limit\":\"many\"}", NULL, &paginator,
                            &error) == RTF_ERROR);
    CHECK(paginator == NULL);
    CHECK_KIND(error, RTF_ERROR_INVALID_REQUEST);
    CHECK_STR(error ? error->param : NULL, "limit");
    rtf_error_free(error);

    CHECK(rtf_paginator_new(client, "transactions.list_page", NULL, NULL, &paginator, &error) ==
          RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INVALID_REQUEST);
    rtf_error_free(error);

    char *json = NULL;
    CHECK(rtf_paginator_next_page(NULL, &json, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);
}

/* Signs a webhook the way the Standard Webhooks specification does, with
 * OpenSSL rather than the library under test. */
static char *sign_webhook(const char *secret, const char *id, long timestamp, const char *payload) {
    const char *encoded_key = secret + strlen("whsec_");
    unsigned char key[128];
    int key_length = EVP_DecodeBlock(key, (const unsigned char *)encoded_key, (int)strlen(encoded_key));
    /* EVP_DecodeBlock counts the '=' padding as zero bytes. */
    for (const char *end = encoded_key + strlen(encoded_key); end > encoded_key && end[-1] == '='; end--) {
        key_length--;
    }

    size_t message_size = strlen(id) + strlen(payload) + 32;
    char *message = malloc(message_size);
    int message_length = snprintf(message, message_size, "%s.%ld.%s", id, timestamp, payload);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_length = 0;
    HMAC(EVP_sha256(), key, key_length, (unsigned char *)message, (size_t)message_length, mac,
         &mac_length);
    free(message);

    char *signature = malloc(4 + 4 * ((mac_length + 2) / 3) + 1);
    strcpy(signature, "v1,");
    EVP_EncodeBlock((unsigned char *)signature + 3, mac, (int)mac_length);
    return signature;
}

static char *webhook_headers(const char *id, long timestamp, const char *signature) {
    size_t size = strlen(id) + strlen(signature) + 128;
    char *headers = malloc(size);
    /* Mixed case: header names match case-insensitively. */
    snprintf(headers, size,
             "{\"Webhook-Id\":\"%s\",\"webhook-timestamp\":\"%ld\",\"WEBHOOK-SIGNATURE\":\"%s\"}", id,
             timestamp, signature);
    return headers;
}

static void test_webhook_verify(void) {
    const char *payload = "{\"id\":\"evt_abitest1\",\"object\":\"event\",\"type\":\"payment.succeeded\","
                          "\"created\":1764547200,\"data\":{\"object\":{\"id\":\"pay_abitest1\","
                          "\"object\":\"payment\"}}}";
    long now = (long)time(NULL);
    char *signature = sign_webhook(webhook_secret, "evt_abitest1", now, payload);
    char *headers = webhook_headers("evt_abitest1", now, signature);
    char secrets[256];
    snprintf(secrets, sizeof secrets, "[\"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"%s\"]",
             webhook_secret);

    char *event = NULL;
    RtfError *error = NULL;
    RtfStatus status = rtf_webhook_verify((const uint8_t *)payload, strlen(payload), headers, secrets,
                                          0, &event, &error);
    CHECK(status == RTF_OK);
    if (status != RTF_OK) {
        fprintf(stderr, "  webhook verify: %s\n", error->message);
        rtf_error_free(error);
    }
    char *event_id = json_string(event, "id");
    CHECK_STR(event_id, "evt_abitest1");
    char *event_type = json_string(event, "type");
    CHECK_STR(event_type, "payment.succeeded");
    free(event_id);
    free(event_type);
    rtf_string_free(event);

    char *tampered = strdup(payload);
    tampered[strlen(tampered) - 5] = 'X';
    event = (char *)0x1;
    status = rtf_webhook_verify((const uint8_t *)tampered, strlen(tampered), headers, secrets, 0,
                                &event, &error);
    CHECK(status == RTF_ERROR);
    CHECK(event == NULL);
    CHECK_KIND(error, RTF_ERROR_WEBHOOK_SIGNATURE);
    rtf_error_free(error);
    free(tampered);
    free(headers);
    free(signature);

    long old = now - 3600;
    signature = sign_webhook(webhook_secret, "evt_abitest1", old, payload);
    headers = webhook_headers("evt_abitest1", old, signature);
    status = rtf_webhook_verify((const uint8_t *)payload, strlen(payload), headers, secrets, 60, &event,
                                &error);
    CHECK(status == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_WEBHOOK_SIGNATURE);
    rtf_error_free(error);
    free(headers);
    free(signature);

    status = rtf_webhook_verify(NULL, 5, "{}", secrets, 0, &event, &error);
    CHECK(status == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);
}

static void test_null_pointers(RtfClient *client) {
    char *json = NULL;
    RtfError *error = NULL;

    CHECK(rtf_client_call(NULL, "transactions.list_page", NULL, NULL, &json, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);

    CHECK(rtf_client_call(client, NULL, NULL, NULL, &json, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);

    CHECK(rtf_client_call(client, "transactions.list_page", NULL, NULL, NULL, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);

    /* Without out_error the status alone reports the failure. */
    CHECK(rtf_client_call(NULL, NULL, NULL, NULL, NULL, NULL) == RTF_ERROR);

    CHECK(rtf_client_new("{}", NULL, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);

    CHECK(rtf_client_set_api_key(client, NULL, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);
}

static void test_wrong_handle(RtfClient *client) {
    RtfPaginator *paginator = NULL;
    RtfError *error = NULL;
    CHECK(rtf_paginator_new(client, "events.list", NULL, NULL, &paginator, &error) == RTF_OK);

    char *json = NULL;
    RtfStatus status = rtf_client_call((const RtfClient *)paginator, "transactions.list_page", NULL,
                                       NULL, &json, &error);
    CHECK(status == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);
    rtf_paginator_free(paginator);
}

static void test_invalid_utf8(RtfClient *client) {
    char *json = NULL;
    RtfError *error = NULL;

    CHECK(rtf_client_call(client, "transactions.\xff\xfe", NULL, NULL, &json, &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    CHECK_CONTAINS(error ? error->message : NULL, "UTF-8");
    rtf_error_free(error);

    CHECK(rtf_client_call(client, "transactions.retrieve", "{\"id\":\"txn_\xc3\x28\"}", NULL, &json,
                          &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);

    RtfClient *other = NULL;
    CHECK(rtf_client_new("{\"api_key\":\"sk_test_\xe2\x82\"}", &other, &error) == RTF_ERROR);
    CHECK(other == NULL);
    CHECK_KIND(error, RTF_ERROR_INTERNAL);
    rtf_error_free(error);
}

static void test_set_api_key(RtfClient *client) {
    RtfError *error = NULL;
    CHECK(rtf_client_set_api_key(client, "pk_test_0000000000000000000000000", &error) == RTF_ERROR);
    CHECK_KIND(error, RTF_ERROR_CONFIGURATION);
    rtf_error_free(error);

    CHECK(rtf_client_set_api_key(client, secret_key, &error) == RTF_OK);
    CHECK(error == NULL);
}

#define THREADS 4
#define CALLS_PER_THREAD 5

static void *call_from_thread(void *argument) {
    RtfClient *client = argument;
    long succeeded = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
        char *json = NULL;
        RtfError *error = NULL;
        if (rtf_client_call(client, "transactions.list_page", "{\"limit\":3}", NULL, &json, &error) ==
                RTF_OK &&
            json != NULL) {
            succeeded++;
        }
        rtf_string_free(json);
        rtf_error_free(error);
    }
    return (void *)succeeded;
}

static void test_threads_share_client(RtfClient *client) {
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_create(&threads[i], NULL, call_from_thread, client) == 0);
    }
    long succeeded = 0;
    for (int i = 0; i < THREADS; i++) {
        void *result = NULL;
        pthread_join(threads[i], &result);
        succeeded += (long)result;
    }
    CHECK(succeeded == THREADS * CALLS_PER_THREAD);
}

static atomic_int log_records;
static atomic_int foreign_targets;

static void count_log_record(int32_t level, const char *target, const char *message, void *user_data) {
    (void)message;
    (void)user_data;
    if (level >= 1 && level <= 5 && strncmp(target, "realtime_finance", 16) == 0) {
        atomic_fetch_add(&log_records, 1);
    } else {
        atomic_fetch_add(&foreign_targets, 1);
    }
}

static void test_log_callback(RtfClient *client) {
    rtf_set_log_callback(count_log_record, NULL);
    char *json = NULL;
    RtfError *error = NULL;
    rtf_client_call(client, "transactions.retrieve", "{\"id\":\"txn_doesnotexist1\"}", NULL, &json,
                    &error);
    rtf_error_free(error);
    rtf_set_log_callback(NULL, NULL);
    CHECK(atomic_load(&log_records) > 0);
    CHECK(atomic_load(&foreign_targets) == 0);
}

int main(void) {
    base_url = getenv("RTF_TEST_BASE_URL");
    secret_key = getenv("RTF_TEST_SECRET_KEY");
    webhook_secret = getenv("RTF_TEST_WEBHOOK_SECRET");
    if (base_url == NULL || secret_key == NULL || webhook_secret == NULL) {
        fprintf(stderr, "abi_test: set RTF_TEST_BASE_URL, RTF_TEST_SECRET_KEY and "
                        "RTF_TEST_WEBHOOK_SECRET (scripts/test.sh does)\n");
        return 2;
    }
    srand((unsigned)time(NULL));

    test_version();
    test_client_new_and_free();
    test_client_config_errors();
    test_client_config_conflict();
    test_secret_not_in_config_error();
    test_webhook_verify();

    RtfClient *client = new_client();
    test_call_retrieve(client);
    test_call_not_found(client);
    test_call_authentication_error();
    test_call_invalid_params(client);
    test_payment_idempotency_and_cancel(client);
    test_paginator_to_end(client);
    test_paginator_outlives_client();
    test_paginator_errors(client);
    test_null_pointers(client);
    test_wrong_handle(client);
    test_invalid_utf8(client);
    test_set_api_key(client);
    test_threads_share_client(client);
    test_log_callback(client);
    rtf_client_free(client);

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
