//! `rtf demo`: starts the sandbox in-process and runs the quickstart
//! against it with the blocking client, the way a binding would.

use std::process::ExitCode;

use clap::Args;
use realtime_finance::{
    blocking, Client, ClientAuthMethod, ClientCredentials, CreatePaymentParams, Error, ErrorKind,
    ListEventsParams, ListTransactionsParams, RequestOptions, SecretString, Webhook,
};
use realtime_finance_sandbox::{RunningSandbox, SandboxConfig};
use serde::Serialize;
use serde_json::{json, Value};

use super::{amount, fail};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Print the steps as one JSON document instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Step {
    name: &'static str,
    summary: String,
    details: Value,
}

/// The sandbox and the runtime that serves it, on threads of their own, so
/// the demo's calls go through the SDK's runtime like a binding's would.
struct Server {
    runtime: tokio::runtime::Runtime,
    sandbox: RunningSandbox,
    admin: reqwest::Client,
}

impl Server {
    fn start() -> Result<Server, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|error| {
                Error::configuration(format!("could not start the sandbox's runtime: {error}"))
            })?;
        let sandbox = runtime
            .block_on(realtime_finance_sandbox::start(SandboxConfig::default()))
            .map_err(|error| {
                Error::configuration(format!("could not start the sandbox: {error}"))
            })?;
        let admin = reqwest::Client::builder()
            .no_proxy()
            .build()
            .map_err(|error| {
                Error::configuration(format!("could not build the admin HTTP client: {error}"))
            })?;
        Ok(Server {
            runtime,
            sandbox,
            admin,
        })
    }

    /// Calls the sandbox's admin API, which the SDK does not wrap.
    fn admin(&self, path: &str, body: Option<Value>) -> Result<Value, Error> {
        let url = format!("{}{path}", self.sandbox.base_url());
        let token = &self.sandbox.credentials().admin_token;
        self.runtime.block_on(async {
            let request = match body {
                Some(body) => self.admin.post(url).json(&body),
                None => self.admin.get(url),
            };
            let response = request.bearer_auth(token).send().await;
            let failed = |error: reqwest::Error| {
                Error::new(
                    ErrorKind::Api,
                    format!("the sandbox admin call {path} failed: {error}"),
                )
            };
            response
                .map_err(failed)?
                .json::<Value>()
                .await
                .map_err(failed)
        })
    }
}

pub fn run(args: DemoArgs) -> ExitCode {
    let server = match Server::start() {
        Ok(server) => server,
        Err(error) => return fail(args.json, &error),
    };
    if !args.json {
        println!("Started the sandbox at {}\n", server.sandbox.base_url());
    }

    let mut steps = Vec::new();
    let result = (|| {
        for step in [api_key_step, oauth_step, idempotency_step, webhook_step] {
            let step = step(&server)?;
            if !args.json {
                println!("{}\n", step.summary);
            }
            steps.push(step);
        }
        Ok::<(), Error>(())
    })();

    if let Err(error) = result {
        return fail(args.json, &error);
    }
    if args.json {
        let report = json!({"base_url": server.sandbox.base_url(), "steps": steps});
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    }
    ExitCode::SUCCESS
}

fn api_key_client(server: &Server) -> Result<blocking::Client, Error> {
    let credentials = server.sandbox.credentials();
    blocking::Client::new(
        Client::builder()
            .ignore_environment_variables()
            .api_key(credentials.secret_key.as_str())
            .base_url(server.sandbox.base_url()),
    )
}

/// Step 1, the Rust twin of `requests.get(url, headers={"Authorization":
/// f"Bearer {key}"}).json()`: fetch one transaction with an API key.
fn api_key_step(server: &Server) -> Result<Step, Error> {
    let client = api_key_client(server)?;
    let params = ListTransactionsParams {
        limit: Some(1),
        ..Default::default()
    };
    let newest = client.list_transactions_page(&params, &RequestOptions::default())?;
    let id = newest
        .data
        .first()
        .map(|transaction| transaction.id.clone())
        .unwrap_or_default();

    let transaction = client.retrieve_transaction(&id, &RequestOptions::default())?;

    Ok(Step {
        name: "api_key",
        summary: format!(
            "1. API key: GET /v1/transactions/{} returned {} {:?}, {:?} ({})",
            transaction.id,
            amount(transaction.amount, &transaction.currency),
            transaction.direction,
            transaction.status,
            transaction
                .description
                .as_deref()
                .unwrap_or("no description")
        ),
        details: serde_json::to_value(&transaction).unwrap_or_default(),
    })
}

/// Step 2: OAuth 2.0 client credentials; the token is fetched once and
/// reused for every page.
fn oauth_step(server: &Server) -> Result<Step, Error> {
    let credentials = server.sandbox.credentials();
    let client = blocking::Client::new(
        Client::builder()
            .ignore_environment_variables()
            .base_url(server.sandbox.base_url())
            .client_credentials(ClientCredentials {
                client_id: credentials.client_id.clone(),
                client_secret: SecretString::from(credentials.client_secret.as_str()),
                scopes: vec!["transactions:read".into()],
                token_url: None,
                auth_method: ClientAuthMethod::ClientSecretBasic,
            }),
    )?;
    let params = ListTransactionsParams {
        limit: Some(5),
        ..Default::default()
    };

    let transactions = client
        .list_transactions(params, RequestOptions::default())?
        .take(15)
        .collect::<Result<Vec<_>, _>>()?;
    let token_requests = server.admin("/_sandbox/stats", None)?["token_requests"].clone();

    Ok(Step {
        name: "oauth",
        summary: format!(
            "2. OAuth: client {} listed {} transactions over 3 pages with {} token request(s)",
            credentials.client_id,
            transactions.len(),
            token_requests
        ),
        details: json!({"client_id": credentials.client_id, "transactions": transactions.len(),
                        "token_requests": token_requests}),
    })
}

/// Step 3: the same idempotency key twice creates one payment.
fn idempotency_step(server: &Server) -> Result<Step, Error> {
    let client = api_key_client(server)?;
    let params = CreatePaymentParams {
        amount: 2500,
        currency: "EUR".into(),
        source_account: "acct_alice".into(),
        destination_account: "acct_bob".into(),
        description: Some("Invoice 42".into()),
        metadata: None,
    };
    let options = RequestOptions::idempotency_key("demo-invoice-42");

    let first = client.create_payment(&params, &options)?;
    let second = client.create_payment(&params, &options)?;
    let stats = server.admin("/_sandbox/stats", None)?;

    Ok(Step {
        name: "idempotency",
        summary: format!(
            "3. Idempotency: two creates with key demo-invoice-42 returned {} and {}; \
             the sandbox created {} payment(s) and replayed {} response(s)",
            first.id, second.id, stats["payments_created"], stats["idempotent_replays"]
        ),
        details: json!({"first": first.id, "second": second.id,
                        "payments_created": stats["payments_created"],
                        "idempotent_replays": stats["idempotent_replays"]}),
    })
}

/// Step 4: an event signed by the sandbox (with the `standardwebhooks`
/// crate) is verified by the SDK, and a tampered copy is rejected.
fn webhook_step(server: &Server) -> Result<Step, Error> {
    let client = api_key_client(server)?;
    let params = ListEventsParams {
        limit: Some(1),
        ..Default::default()
    };
    let events = client
        .list_events(params, RequestOptions::default())?
        .take(1)
        .collect::<Result<Vec<_>, _>>()?;
    let event = events.first().ok_or_else(|| {
        Error::new(
            ErrorKind::Api,
            "the sandbox listed no event after a payment was created",
        )
    })?;
    let payload = serde_json::to_string(event).unwrap_or_default();

    let signed = server.admin(
        "/_sandbox/webhooks/sign",
        Some(json!({"payload": payload, "msg_id": event.id})),
    )?;
    let header = |name: &str| signed[name].as_str().unwrap_or_default().to_owned();
    let headers =
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map(|name| (name, header(name)));
    let pairs = || headers.iter().map(|(name, value)| (*name, value.as_str()));
    let webhook = Webhook::new(vec![SecretString::from(
        server.sandbox.credentials().webhook_secret.as_str(),
    )])?;

    let verified = webhook.verify(payload.as_bytes(), pairs())?;
    let tampered = payload.replacen("\"id\"", "\"id\" ", 1);
    let rejection = webhook
        .verify(tampered.as_bytes(), pairs())
        .err()
        .map(|error| error.message().to_owned());

    Ok(Step {
        name: "webhook",
        summary: format!(
            "4. Webhook: verified {} ({}) signed by the sandbox; a tampered copy was rejected: {}",
            verified.id,
            verified.event_type,
            rejection.as_deref().unwrap_or("NOT REJECTED")
        ),
        details: json!({"event": verified.id, "type": verified.event_type, "tampered_rejected": rejection.is_some()}),
    })
}
