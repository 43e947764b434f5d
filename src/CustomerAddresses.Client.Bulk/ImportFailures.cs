namespace CustomerAddresses.Client.Bulk;

/// <summary>How the bulk import tells a refusal from a failure whose outcome is unknown, and when it stops trying.</summary>
internal static class ImportFailures
{
    /// <summary>How many times one create is resolved and sent again before the import gives up (and can be run again).</summary>
    internal const int MaxRounds = 5;

    /// <summary>A failure after which the request may or may not have taken effect (as opposed to a refusal).</summary>
    internal static bool IsUnknownOutcome(Exception e, CancellationToken cancellationToken) =>
        e is ServerErrorException or UnexpectedResponseException or HttpRequestException or TimeoutException or IOException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Stops the import once a create has gone round <see cref="MaxRounds"/> times.</summary>
    /// <exception cref="InvalidOperationException">It has.</exception>
    internal static void GiveUpAfter(int round, string what)
    {
        if (round >= MaxRounds)
        {
            throw new InvalidOperationException($"A {what} create failed {MaxRounds} times with an unknown outcome; the journal holds what is known, so run the import again to resume.");
        }
    }
}
