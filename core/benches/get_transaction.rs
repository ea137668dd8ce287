//! One authenticated `GET /v1/transactions/{id}` against the sandbox on
//! loopback, every client measured side by side in one run:
//!
//! - the references: raw reqwest awaited on a current-thread runtime, and
//!   `reqwest::blocking`, both with the SDK's connection settings;
//! - the SDK's async client and its blocking facade as shipped;
//! - candidate strategies for the blocking facade. Each candidate has its
//!   own runtime and its own SDK client, so its connections live on the
//!   runtime that drives them.
//!
//! The `get_transaction` group calls from one thread. The
//! `get_transaction_64_threads` group calls from 64 threads at once, as the
//! bindings' test suites do, and one of its iterations is one call on each
//! of the 64 threads. After each group the bench prints a Markdown table of
//! medians over shuffled, interleaved rounds, with the CPU time and the
//! voluntary context switches per call (see [`print_interleaved`]).
//!
//! cargo bench -p realtime-finance --bench get_transaction

use std::future::Future;
use std::hint::black_box;
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use realtime_finance::{blocking, Client, ClientBuilder, RequestOptions, Transaction};
use realtime_finance_sandbox::SandboxConfig;
use tokio::runtime::{Builder, Handle, Runtime};

/// The SDK's default total timeout per call; the references use it too.
const TIMEOUT: Duration = Duration::from_secs(60);
/// The SDK's default connect timeout.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Callers in the concurrent group.
const THREADS: usize = 64;

fn get_transaction(c: &mut Criterion) {
    let shared_fixture = Arc::new(Fixture::start());
    let fixture = &*shared_fixture;
    let options = &RequestOptions::default();

    let caller_runtime = &Builder::new_current_thread().enable_all().build().unwrap();
    let raw = &raw_client();
    let raw_blocking = raw_blocking_client();
    let client = &fixture.builder().build().unwrap();
    let shipped = &blocking::Client::new(fixture.builder()).unwrap();
    fixture.check_http_version(caller_runtime, raw, &raw_blocking);

    let candidates = [
        Candidate::new(Workers::Multi(2), Handoff::CallerBlockOn, fixture),
        Candidate::new(Workers::Multi(1), Handoff::CallerBlockOn, fixture),
        Candidate::new(Workers::Multi(2), Handoff::SpawnPark, fixture),
        Candidate::new(Workers::Multi(1), Handoff::SpawnPark, fixture),
        Candidate::new(Workers::Multi(2), Handoff::SpawnChannel, fixture),
        Candidate::new(Workers::CurrentThread, Handoff::SpawnPark, fixture),
    ];

    // Each call only borrows, so the closures are `Copy` and serve both groups.
    let raw_blocking = &raw_blocking;
    let reqwest_blocking_call = move || {
        black_box(fixture.raw_blocking_get(raw_blocking));
    };
    let shipped_call = move || {
        black_box(shipped.retrieve_transaction(&fixture.id, options).unwrap());
    };

    let mut variants = vec![
        Variant::sequential("raw_reqwest_async", move || {
            black_box(caller_runtime.block_on(fixture.raw_get(raw)));
        }),
        Variant::sequential("reqwest_blocking", reqwest_blocking_call),
        Variant::sequential("sdk_async", move || {
            let transactions = client.transactions();
            let call = transactions.retrieve(&fixture.id, options);
            black_box(caller_runtime.block_on(call).unwrap());
        }),
        Variant::sequential("sdk_blocking", shipped_call),
    ];
    for candidate in &candidates {
        variants.push(Variant::sequential(candidate.name(), move || {
            black_box(candidate.retrieve(&fixture.id, options));
        }));
    }

    let mut group = c.benchmark_group("get_transaction");
    group
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    for variant in &variants {
        group.bench_function(&variant.name, |b| {
            b.iter_custom(|iters| (variant.run)(iters))
        });
    }
    group.finish();
    print_interleaved("get_transaction", &variants, 100, 1);

    // Raw reqwest from many threads needs a runtime that keeps running
    // between calls, so it gets a multi-thread one with 64 tasks, and a new
    // client: the pooled connections of `raw` were created on
    // `caller_runtime`, which runs only inside its `block_on`, so a request
    // sent on one of them from another runtime stalls until it times out.
    let tasks_runtime = &Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let tasks_raw = &raw_client();

    let mut variants = vec![
        Variant {
            name: "raw_reqwest_async_64_tasks".to_owned(),
            run: Box::new(|iters| {
                let started = Instant::now();
                tasks_runtime.block_on(async {
                    let tasks: Vec<_> = (0..THREADS)
                        .map(|_| {
                            let fixture = Arc::clone(&shared_fixture);
                            let raw = tasks_raw.clone();
                            tokio::spawn(async move {
                                for _ in 0..iters {
                                    black_box(fixture.raw_get(&raw).await);
                                }
                            })
                        })
                        .collect();
                    for task in tasks {
                        task.await.unwrap();
                    }
                });
                started.elapsed()
            }),
        },
        Variant::concurrent("reqwest_blocking", reqwest_blocking_call),
        Variant::concurrent("sdk_blocking", shipped_call),
    ];
    for candidate in &candidates {
        variants.push(Variant::concurrent(candidate.name(), move || {
            black_box(candidate.retrieve(&fixture.id, options));
        }));
    }

    let mut group = c.benchmark_group("get_transaction_64_threads");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    for variant in &variants {
        group.bench_function(&variant.name, |b| {
            b.iter_custom(|iters| (variant.run)(iters))
        });
    }
    group.finish();
    print_interleaved("get_transaction_64_threads", &variants, 5, THREADS as u64);
}

/// One client under test. `run(iters)` makes `iters` calls (in the 64-thread
/// group, `iters` calls on each thread) and returns the wall time they took.
struct Variant<'a> {
    name: String,
    run: Box<dyn Fn(u64) -> Duration + 'a>,
}

impl<'a> Variant<'a> {
    /// Makes the calls one after another on the calling thread.
    fn sequential(name: impl Into<String>, call: impl Fn() + 'a) -> Variant<'a> {
        Variant {
            name: name.into(),
            run: Box::new(move |iters| {
                let started = Instant::now();
                for _ in 0..iters {
                    call();
                }
                started.elapsed()
            }),
        }
    }

    /// Makes the calls from [`THREADS`] threads at once.
    fn concurrent(name: impl Into<String>, call: impl Fn() + Sync + 'a) -> Variant<'a> {
        Variant {
            name: name.into(),
            run: Box::new(move |iters| time_threads(iters, &call)),
        }
    }
}

/// Rounds of the interleaved comparison.
const ROUNDS: usize = 40;

/// The cost per call of one run of a variant.
#[derive(Clone, Copy)]
struct Cost {
    wall: Duration,
    /// User and system CPU time of the whole process, sandbox included.
    cpu: Duration,
    /// Voluntary context switches of the whole process: each time a thread
    /// blocked, for example to wait for a wake-up from another thread.
    switches: f64,
}

/// Process-wide CPU time and voluntary context switches so far.
fn usage() -> (Duration, i64) {
    // SAFETY: `getrusage` only writes the `rusage` it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        assert_eq!(libc::getrusage(libc::RUSAGE_SELF, &mut usage), 0);
        usage
    };
    let seconds = |time: libc::timeval| {
        Duration::from_secs(time.tv_sec as u64) + Duration::from_micros(time.tv_usec as u64)
    };
    (
        seconds(usage.ru_utime) + seconds(usage.ru_stime),
        usage.ru_nvcsw,
    )
}

/// Runs every variant for `iters` iterations, [`ROUNDS`] times in a new
/// random order each round, and prints the medians as a Markdown table.
///
/// Load from other processes on a shared machine changes over seconds, and
/// criterion measures one variant after another, so a load spike lands on
/// whichever variant ran then. Short shuffled rounds spread it over all of
/// them. CPU time and context switches per call depend less on that load
/// than wall time does, and the switches count the thread hops directly.
fn print_interleaved(group: &str, variants: &[Variant], iters: u64, calls_per_iter: u64) {
    use rand::seq::SliceRandom;

    let calls = u32::try_from(iters * calls_per_iter).unwrap();
    let mut samples: Vec<Vec<Cost>> = vec![Vec::with_capacity(ROUNDS); variants.len()];
    let mut order: Vec<usize> = (0..variants.len()).collect();
    for _ in 0..ROUNDS {
        order.shuffle(&mut rand::thread_rng());
        for &index in &order {
            let (cpu_before, switches_before) = usage();
            let wall = (variants[index].run)(iters);
            let (cpu_after, switches_after) = usage();
            samples[index].push(Cost {
                wall: wall / u32::try_from(iters).unwrap(),
                cpu: (cpu_after - cpu_before) / calls,
                switches: (switches_after - switches_before) as f64 / f64::from(calls),
            });
        }
    }

    let medians: Vec<Cost> = samples.iter_mut().map(|costs| median(costs)).collect();
    let wall_of = |prefix: &str| {
        variants
            .iter()
            .position(|variant| variant.name.starts_with(prefix))
            .map(|index| medians[index].wall)
    };
    let raw_async = wall_of("raw_reqwest_async");
    let raw_blocking = wall_of("reqwest_blocking");
    let ratio = |wall: Duration, reference: Option<Duration>| {
        reference.map_or_else(
            || "-".to_owned(),
            |reference| format!("{:.2}", wall.as_secs_f64() / reference.as_secs_f64()),
        )
    };

    println!(
        "\n{group}: medians over {ROUNDS} shuffled rounds of {iters} iterations \
         ({calls_per_iter} calls each)\n"
    );
    println!(
        "| variant | wall per iteration | vs raw reqwest async | vs reqwest::blocking \
         | CPU per call | context switches per call |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for (variant, cost) in variants.iter().zip(&medians) {
        println!(
            "| `{}` | {:.1} µs | {} | {} | {:.1} µs | {:.2} |",
            variant.name,
            cost.wall.as_secs_f64() * 1e6,
            ratio(cost.wall, raw_async),
            ratio(cost.wall, raw_blocking),
            cost.cpu.as_secs_f64() * 1e6,
            cost.switches,
        );
    }
}

/// Returns the median of each field, taken separately.
fn median(costs: &mut [Cost]) -> Cost {
    let middle = costs.len() / 2;
    costs.sort_by_key(|cost| cost.wall);
    let wall = costs[middle].wall;
    costs.sort_by_key(|cost| cost.cpu);
    let cpu = costs[middle].cpu;
    costs.sort_by(|a, b| a.switches.total_cmp(&b.switches));
    Cost {
        wall,
        cpu,
        switches: costs[middle].switches,
    }
}

/// The sandbox and the id of one of its transactions.
struct Fixture {
    /// Drives the sandbox on its own thread, so the sandbox does not compete
    /// with any client runtime for a worker.
    _server: Runtime,
    sandbox: realtime_finance_sandbox::RunningSandbox,
    key: String,
    id: String,
    url: String,
}

impl Fixture {
    fn start() -> Fixture {
        let server = Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = server
            .block_on(realtime_finance_sandbox::start(SandboxConfig {
                rate_limit_per_second: None,
                ..SandboxConfig::default()
            }))
            .unwrap();
        let key = sandbox.credentials().secret_key.clone();

        let mut fixture = Fixture {
            _server: server,
            sandbox,
            key,
            id: String::new(),
            url: String::new(),
        };
        let page = blocking::Client::new(fixture.builder())
            .unwrap()
            .list_transactions_page(&Default::default(), &RequestOptions::default())
            .unwrap();
        fixture.id = page.data[0].id.clone();
        fixture.url = format!(
            "{}/v1/transactions/{}",
            fixture.sandbox.base_url(),
            fixture.id
        );
        fixture
    }

    fn builder(&self) -> ClientBuilder {
        Client::builder()
            .ignore_environment_variables()
            .api_key(self.key.as_str())
            .base_url(self.sandbox.base_url())
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
    }

    /// Sends the request that the SDK sends and parses the body as the SDK does.
    async fn raw_get(&self, raw: &reqwest::Client) -> Transaction {
        let response = raw
            .get(&self.url)
            .bearer_auth(&self.key)
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let body = response.bytes().await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn raw_blocking_get(&self, raw: &reqwest::blocking::Client) -> Transaction {
        let response = raw
            .get(&self.url)
            .bearer_auth(&self.key)
            .header("accept", "application/json")
            .send()
            .unwrap();
        assert!(response.status().is_success());
        let body = response.bytes().unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Fails the run unless the references speak HTTP/1.1, as the SDK does
    /// to a plain-HTTP base URL.
    fn check_http_version(
        &self,
        runtime: &Runtime,
        raw: &reqwest::Client,
        raw_blocking: &reqwest::blocking::Client,
    ) {
        // `send` starts the timeout's timer, so it must run inside the runtime.
        let version = runtime
            .block_on(async { raw.get(&self.url).bearer_auth(&self.key).send().await })
            .unwrap()
            .version();
        assert_eq!(version, reqwest::Version::HTTP_11, "raw reqwest");
        let version = raw_blocking
            .get(&self.url)
            .bearer_auth(&self.key)
            .send()
            .unwrap()
            .version();
        assert_eq!(version, reqwest::Version::HTTP_11, "reqwest::blocking");
    }
}

/// Idle time after which the references drop a pooled connection. The
/// sandbox closes a connection that sends no request for 30 s, and a
/// connection on `caller_runtime` cannot see that close while the runtime is
/// not running, so without this the first request after a long pause fails.
/// The SDK keeps reqwest's default of 90 s and retries that failure instead.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(20);

/// Builds a reqwest async client with the connection settings of the SDK's
/// transport.
fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .timeout(TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .tcp_nodelay(true)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Builds a `reqwest::blocking` client with the same settings. It runs its
/// own runtime on a thread of its own, so it must be built and dropped
/// outside any runtime.
fn raw_blocking_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .timeout(TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .tcp_nodelay(true)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Runs `call` `iters` times on each of [`THREADS`] threads started
/// together, and returns the wall time from the start to the last call.
fn time_threads(iters: u64, call: impl Fn() + Sync) -> Duration {
    let start = Barrier::new(THREADS + 1);
    thread::scope(|scope| {
        let callers: Vec<_> = (0..THREADS)
            .map(|_| {
                scope.spawn(|| {
                    start.wait();
                    for _ in 0..iters {
                        call();
                    }
                })
            })
            .collect();
        start.wait();
        let started = Instant::now();
        for caller in callers {
            caller.join().unwrap();
        }
        started.elapsed()
    })
}

#[derive(Clone, Copy)]
enum Workers {
    /// A multi-thread runtime with this many workers.
    Multi(usize),
    /// A current-thread runtime driven by one dedicated thread, the way
    /// `reqwest::blocking` runs its client.
    CurrentThread,
}

/// The way a candidate facade hands a call to its runtime and gets the
/// result back.
#[derive(Clone, Copy)]
enum Handoff {
    /// `Handle::block_on` on the calling thread: the future runs there and
    /// the connection tasks run on the workers.
    CallerBlockOn,
    /// `spawn` on the runtime, then park the caller until the `JoinHandle`
    /// wakes it.
    SpawnPark,
    /// `spawn` on the runtime, then wait on a `std::sync::mpsc` channel.
    SpawnChannel,
}

/// A candidate blocking facade with its own runtime and SDK client.
struct Candidate {
    handle: Handle,
    client: Client,
    workers: Workers,
    handoff: Handoff,
    /// Keeps a multi-thread runtime alive.
    _runtime: Option<Runtime>,
    /// Stops the thread that drives a current-thread runtime.
    _stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Candidate {
    fn new(workers: Workers, handoff: Handoff, fixture: &Fixture) -> Candidate {
        let client = fixture.builder().build().unwrap();
        let (handle, runtime, stop) = match workers {
            Workers::Multi(count) => {
                let runtime = Builder::new_multi_thread()
                    .worker_threads(count)
                    .enable_all()
                    .build()
                    .unwrap();
                (runtime.handle().clone(), Some(runtime), None)
            }
            Workers::CurrentThread => {
                let runtime = Builder::new_current_thread().enable_all().build().unwrap();
                let handle = runtime.handle().clone();
                let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
                // The thread ends when the sender drops with the candidate.
                thread::spawn(move || {
                    let _ = runtime.block_on(stopped);
                });
                (handle, None, Some(stop))
            }
        };
        Candidate {
            handle,
            client,
            workers,
            handoff,
            _runtime: runtime,
            _stop: stop,
        }
    }

    fn name(&self) -> String {
        let handoff = match self.handoff {
            Handoff::CallerBlockOn => "caller_block_on",
            Handoff::SpawnPark => "spawn_park",
            Handoff::SpawnChannel => "spawn_channel",
        };
        let workers = match self.workers {
            Workers::Multi(1) => "1_worker".to_owned(),
            Workers::Multi(count) => format!("{count}_workers"),
            Workers::CurrentThread => "current_thread".to_owned(),
        };
        format!("{handoff}_{workers}")
    }

    /// Retrieves the transaction the way the shipped facade does: the
    /// spawned strategies clone the client and the arguments into the task.
    fn retrieve(&self, id: &str, options: &RequestOptions) -> Transaction {
        match self.handoff {
            Handoff::CallerBlockOn => self
                .handle
                .block_on(self.client.transactions().retrieve(id, options))
                .unwrap(),
            Handoff::SpawnPark => {
                let call = self.owned_call(id, options);
                park_until_ready(self.handle.spawn(call)).unwrap().unwrap()
            }
            Handoff::SpawnChannel => {
                let call = self.owned_call(id, options);
                let (sender, receiver) = mpsc::sync_channel(1);
                self.handle.spawn(async move {
                    let _ = sender.send(call.await);
                });
                receiver.recv().unwrap().unwrap()
            }
        }
    }

    fn owned_call(
        &self,
        id: &str,
        options: &RequestOptions,
    ) -> impl Future<Output = realtime_finance::Result<Transaction>> + Send + 'static {
        let client = self.client.clone();
        let id = id.to_owned();
        let options = options.clone();
        async move { client.transactions().retrieve(&id, &options).await }
    }
}

struct Unparker(Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn park_until_ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        thread::park();
    }
}

criterion_group!(benches, get_transaction);
criterion_main!(benches);
