using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace CustomerAddresses.Client.Diagnostics;

/// <summary>
/// The client's traces and metrics, both named <c>CustomerAddresses.Client</c>: one activity and one duration
/// measurement per SDK operation, a counter of retries and one of pages fetched. Tags hold operation names,
/// routes, statuses, error codes and request ids; never a credential, an email or custom data.
/// </summary>
internal static class ClientTelemetry
{
    internal const string Name = "CustomerAddresses.Client";

    private static readonly string? s_version = typeof(ClientTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    internal static readonly ActivitySource ActivitySource = new(Name, s_version);

    internal static readonly Meter Meter = new(Name, s_version);

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "customeraddresses.client.operation.duration", unit: "s", description: "Duration of SDK operations, retries and paging included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "customeraddresses.client.retries", unit: "{retry}", description: "Requests sent again after a transient failure.");

    internal static readonly Counter<long> PagesFetched = Meter.CreateCounter<long>(
        "customeraddresses.client.pages", unit: "{page}", description: "List pages fetched.");

    internal const string OperationTag = "customeraddresses.operation";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string ErrorCodeTag = "customeraddresses.error_code";
    internal const string ErrorTypeTag = "error.type";
    internal const string RequestIdTag = "customeraddresses.request_id";
    internal const string PageCountTag = "customeraddresses.page_count";

    /// <summary>Starts an operation's activity, if anyone listens, tagged with the operation's name.</summary>
    internal static Activity? StartOperation(string operation)
    {
        Activity? activity = ActivitySource.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag(OperationTag, operation);
        return activity;
    }

    /// <summary>Marks the activity failed and returns the <c>error.type</c> of the measurement.</summary>
    internal static string Failed(Activity? activity, Exception e)
    {
        string errorType = e.GetType().Name;
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag(ErrorTypeTag, errorType);
            if (e is CustomerAddressesApiException api)
            {
                activity.SetTag(StatusCodeTag, (int)api.StatusCode);
                activity.SetTag(ErrorCodeTag, api.ErrorCode);
                activity.SetTag(RequestIdTag, api.RequestId);
            }
        }

        return errorType;
    }

    internal static void Record(string operation, long started, string? errorType)
    {
        if (OperationDuration.Enabled)
        {
            OperationDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(OperationTag, operation),
                new KeyValuePair<string, object?>(ErrorTypeTag, errorType));
        }
    }

    /// <summary>Adds the outcome of a successful response to the operation's activity, if one is being recorded.</summary>
    /// <param name="response">The response.</param>
    /// <param name="state">What <paramref name="requestId"/> needs, passed without a closure.</param>
    /// <param name="requestId">Computes the request id; called only when there is an activity to tag.</param>
    internal static void Succeeded<TState>(HttpResponseMessage response, TState state, Func<TState, string?> requestId)
    {
        if (Activity.Current is { Source.Name: Name } activity)
        {
            activity.SetTag(StatusCodeTag, (int)response.StatusCode);
            activity.SetTag(RequestIdTag, requestId(state));
        }
    }
}
