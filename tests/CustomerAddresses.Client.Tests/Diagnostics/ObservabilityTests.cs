using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Diagnostics;

/// <summary>
/// Logs, traces and metrics as a team's dashboards see them: one activity and one duration per operation, retries
/// and pages counted, each call logged with its route, status, duration, attempts and request id, and nothing
/// secret or personal anywhere.
/// </summary>
[Collection(nameof(Telemetry))]
public sealed class ObservabilityTests : FakeApiTests, IDisposable
{
    private const string Email = "ann.secret.person@example.com";
    private readonly FakeLogCollector _logs = new();
    private readonly List<Activity> _activities = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();

    public ObservabilityTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CustomerAddresses.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_activities) { _activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "CustomerAddresses.Client")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.Start();
    }

    void IDisposable.Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
        Dispose();
    }

    private void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    private CustomerAddressesClient Client(int maxRetries = 0) => TestClients.Create(new Uri(Api.Url), o =>
    {
        o.ApiKey = FakeApi.ApiKey;
        o.SessionToken = FakeApi.SessionToken;
        o.Retry.MaxRetries = maxRetries;
        o.Retry.BaseDelay = TimeSpan.Zero;
        o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    });

    private static CreateCustomerRequest Customer() => new() { Name = "Ann Secret", Email = Email, CustomData = new JsonObject { ["ssn"] = "123-45-6789" } };

    [Fact]
    public async Task A_create_is_one_activity_one_duration_and_a_start_and_end_log_line()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("003-create-customer.response.json"), ("Request-Id", "req-201"));
        using CustomerAddressesClient client = Client();

        await client.Customers.CreateAsync(Customer());

        Activity activity = Assert.Single(_activities);
        Assert.Equal("customers.create", activity.OperationName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(201, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("req-201", activity.GetTagItem("customeraddresses.request_id"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        var duration = Assert.Single(_measurements, m => m.Instrument == "customeraddresses.client.operation.duration");
        Assert.Equal("customers.create", duration.Tags["customeraddresses.operation"]);
        Assert.Null(duration.Tags["error.type"]);
        Assert.True(duration.Value > 0);

        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 10 && r.Level == LogLevel.Debug && r.Message.StartsWith("Sending POST customers", StringComparison.Ordinal));
        FakeLogRecord end = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 11);
        Assert.Equal(LogLevel.Information, end.Level);
        Assert.Matches(@"^POST customers answered 201 in [\d.]+ ms after 1 attempt\(s\) \(request id req-201, client request id [0-9a-f-]{36}\)$", end.Message);
        AssertNothingSecretOrPersonal();
    }

    [Fact]
    public async Task A_failed_create_carries_its_status_error_code_and_request_id()
    {
        Api.Reply("POST", "/customers", 409, """{"error":{"type":"request_error","code":"customer_already_exists","detail":"customer email conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4"},"meta":{"request_id":"req-409"}}""");
        using CustomerAddressesClient client = Client();

        await Assert.ThrowsAsync<ConflictException>(() => client.Customers.CreateAsync(Customer()));

        Activity activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(409, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("customer_already_exists", activity.GetTagItem("customeraddresses.error_code"));
        Assert.Equal("req-409", activity.GetTagItem("customeraddresses.request_id"));
        Assert.Equal("ConflictException", Assert.Single(_measurements, m => m.Instrument == "customeraddresses.client.operation.duration").Tags["error.type"]);
        FakeLogRecord failure = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 13);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal("Create customer (POST customers) failed: 409 customer_already_exists (request id req-409)", failure.Message);
        AssertNothingSecretOrPersonal();
    }

    [Fact]
    public async Task A_listing_is_one_activity_with_its_page_count_and_every_page_is_counted()
    {
        const string path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";
        Api.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithBody(ListBodies.Cursor([1, 2], true, null)));
        Api.Server.Given(Request.Create().WithPath(path).WithParam("after", ListBodies.AddressId(2)).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody(ListBodies.Cursor([3, 4], true, null)));
        Api.Server.Given(Request.Create().WithPath(path).WithParam("after", ListBodies.AddressId(4)).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody(ListBodies.Cursor([5], false, null, requestId: "req-last")));
        using CustomerAddressesClient client = Client();

        await client.Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { Search = "secret street" }).ToListAsync();

        Activity activity = Assert.Single(_activities);
        Assert.Equal("addresses.list", activity.OperationName);
        Assert.Equal(3, activity.GetTagItem("customeraddresses.page_count"));
        Assert.Equal("req-last", activity.GetTagItem("customeraddresses.request_id"));
        Assert.Equal(3, _measurements.Where(m => m.Instrument == "customeraddresses.client.pages").Sum(m => m.Value));
        Assert.Single(_measurements, m => m.Instrument == "customeraddresses.client.operation.duration");
        Assert.Equal(3, _logs.GetSnapshot().Count(r => r.Id.Id == 11));
        AssertNothingSecretOrPersonal("secret street");
    }

    [Fact]
    public async Task Retries_are_counted_in_the_metrics_and_in_the_call_log()
    {
        ReplyTooManyRequestsThenCreated();
        using CustomerAddressesClient client = Client(maxRetries: 2);

        await client.Customers.CreateAsync(Customer());

        var retry = Assert.Single(_measurements, m => m.Instrument == "customeraddresses.client.retries");
        Assert.Equal(1, retry.Value);
        Assert.Equal("POST", retry.Tags["http.request.method"]);
        Assert.Contains("after 2 attempt(s)", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 11).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_dependency_injection_the_client_alone_reports_its_retries()
    {
        ReplyTooManyRequestsThenCreated();
        var polly = new List<string>();
        using var pollyListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("Polly", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        pollyListener.SetMeasurementEventCallback<int>((instrument, _, _, _) => { lock (polly) { polly.Add(instrument.Name); } });
        pollyListener.SetMeasurementEventCallback<double>((instrument, _, _, _) => { lock (polly) { polly.Add(instrument.Name); } });
        pollyListener.Start();
        using CustomerAddressesClient client = ServiceProviderClient.Create(new CustomerAddressesClientOptions
        {
            BaseAddress = new Uri(Api.Url),
            ApiKey = FakeApi.ApiKey,
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.Zero },
            LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs))),
        });

        await client.Customers.CreateAsync(Customer());

        Assert.Equal(1, Assert.Single(_measurements, m => m.Instrument == "customeraddresses.client.retries").Value);
        Assert.Contains("after 2 attempt(s)", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 11).Message, StringComparison.Ordinal);
        Assert.Empty(polly); // the pipeline is not in Polly's registry: its telemetry would repeat the client's
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true);
    }

    /// <summary>A create answered 429 (Retry-After: 0), then 201 when sent again.</summary>
    private void ReplyTooManyRequestsThenCreated()
    {
        Api.Server.Given(Request.Create().WithPath("/customers").UsingPost()).InScenario("r").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        Api.Server.Given(Request.Create().WithPath("/customers").UsingPost()).InScenario("r").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(Fixture.Text("003-create-customer.response.json")));
    }

    private void AssertNothingSecretOrPersonal(params string[] more)
    {
        IEnumerable<string> texts = _logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? []))
            .Concat(_activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty)))
            .Concat(_measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")));
        string all = string.Join("\n", texts);
        foreach (string forbidden in new[] { FakeApi.ApiKey, FakeApi.SessionToken, Email, "123-45-6789", "Ann Secret" }.Concat(more))
        {
            Assert.DoesNotContain(forbidden, all, StringComparison.Ordinal);
        }
    }
}

/// <summary>The listeners see every client in the process, so these tests run alone.</summary>
[CollectionDefinition(nameof(Telemetry), DisableParallelization = true)]
public sealed class Telemetry;
