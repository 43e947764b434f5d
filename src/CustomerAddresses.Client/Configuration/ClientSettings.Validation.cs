using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Configuration;

/// <summary>The checks of the options a client is built from.</summary>
internal sealed partial class ClientSettings
{
    /// <summary>Every problem with the options, each a sentence that never quotes a credential.</summary>
    internal static IReadOnlyList<string> Validate(CustomerAddressesClientOptions options)
    {
        var problems = new List<string>();
        Uri? baseAddress = options.BaseAddress;
        if (baseAddress is null)
        {
            problems.Add("BaseAddress is required, for example https://api.example.com/.");
        }
        else if (!baseAddress.IsAbsoluteUri)
        {
            problems.Add("BaseAddress must be an absolute URI, for example https://api.example.com/.");
        }
        else
        {
            if (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp)
            {
                problems.Add($"BaseAddress must use https (it uses '{baseAddress.Scheme}').");
            }
            else if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback && !options.AllowInsecureHttp)
            {
                problems.Add("BaseAddress must use https unless it is a loopback address; set AllowInsecureHttp to allow plain http.");
            }

            if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
            {
                problems.Add("BaseAddress must not have a query string or fragment: they would be dropped from every request.");
            }

            if (!string.IsNullOrEmpty(baseAddress.UserInfo))
            {
                problems.Add("BaseAddress must not carry user information; use ApiKey or SessionToken.");
            }

            if (PaddleEnvironment.KeyMismatch(baseAddress, options.ApiKey) is { } mismatch)
            {
                problems.Add(mismatch);
            }
        }

        if (options.ApiKey is { } apiKey && !HeaderValues.IsSafe(apiKey))
        {
            problems.Add("ApiKey must not be empty or contain white space or control characters.");
        }

        if (options.SessionToken is { } token && !HeaderValues.IsCookieSafe(token))
        {
            problems.Add("SessionToken must not be empty or contain white space, control characters, ';' or ','.");
        }

        if (options.Dialect is { } dialect && !Enum.IsDefined(dialect))
        {
            problems.Add($"Dialect must be {nameof(ApiDialect.CustomersApiV1)} or {nameof(ApiDialect.PaddleBilling)} (it is {(int)dialect}).");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null.");
        }

        if (options.RateLimit is not { } rateLimit)
        {
            problems.Add("RateLimit must not be null.");
        }
        else
        {
            if (rateLimit.RequestsPerMinute is < 1 or > MaxRequestsPerMinute)
            {
                problems.Add($"RateLimit.RequestsPerMinute must be from 1 to {MaxRequestsPerMinute}, or null for no limit (it is {rateLimit.RequestsPerMinute}).");
            }

            if (rateLimit.Limiter is not null && rateLimit.LimiterFactory is not null)
            {
                problems.Add("RateLimit.Limiter and RateLimit.LimiterFactory are both set: set one.");
            }
        }

        if (options.Retry is not { } retry)
        {
            problems.Add("Retry must not be null.");
        }
        else
        {
            if (retry.MaxRetries is < 0 or > MaxRetriesLimit)
            {
                problems.Add($"Retry.MaxRetries must be from 0 to {MaxRetriesLimit} (it is {retry.MaxRetries}).");
            }

            if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > retry.MaxDelay)
            {
                problems.Add($"Retry.BaseDelay must be from zero to Retry.MaxDelay (it is {retry.BaseDelay}, Retry.MaxDelay is {retry.MaxDelay}).");
            }

            if (retry.MaxDelay > MaxTimeout)
            {
                problems.Add($"Retry.MaxDelay must be at most {MaxTimeout} (it is {retry.MaxDelay}).");
            }

            if (retry.MaxRetryAfter < TimeSpan.Zero)
            {
                problems.Add($"Retry.MaxRetryAfter must not be negative (it is {retry.MaxRetryAfter}).");
            }
        }

        if (options.Timeouts is not { } timeouts)
        {
            problems.Add("Timeouts must not be null.");
        }
        else
        {
            foreach ((string name, TimeSpan value) in new[] { ("Timeouts.Attempt", timeouts.Attempt), ("Timeouts.Total", timeouts.Total) })
            {
                if (value < MinTimeout || value > MaxTimeout)
                {
                    problems.Add($"{name} must be from {MinTimeout.TotalMilliseconds} ms to {MaxTimeout.TotalHours} hours (it is {value}).");
                }
            }
        }

        return problems;
    }
}
