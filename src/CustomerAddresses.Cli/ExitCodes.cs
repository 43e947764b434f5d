namespace CustomerAddresses.Cli;

/// <summary>The tool's exit codes, gh's convention: documented in every command's help.</summary>
internal static class ExitCodes
{
    /// <summary>Done: every row on the server, every record written, the resource shown.</summary>
    internal const int Done = 0;

    /// <summary>Some rows were rejected, the resource does not exist, or the server refused the request as it is: running it again will not help.</summary>
    internal const int Failed = 1;

    /// <summary>Bad usage: an option, a file, a journal in use or of another server. Nothing was sent.</summary>
    internal const int Usage = 2;

    /// <summary>The server or the network stopped the run (5xx, 429, no answer, Ctrl+C): run it again; an import resumes from its journal.</summary>
    internal const int Stopped = 3;

    /// <summary>Authentication: no key, or the server refused it (401 or 403).</summary>
    internal const int Authentication = 4;

    /// <summary>The section every command's help ends with.</summary>
    internal const string Help = """
        Exit codes:
          0  done
          1  rows rejected, not found, or refused as sent (running it again will not help)
          2  bad usage: an option, a file, a journal in use; nothing was sent
          3  stopped by the server or the network: run it again (an import resumes)
          4  authentication: no key, or the server refused it (401/403)
        """;
}

/// <summary>Bad usage: one line on standard error, and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A command that sends needs a key and none was given: said before any request, exit code 4.</summary>
internal sealed class MissingKeyException() : Exception("no API key: pass --api-key KEY, set CUSTOMERADDRESSES_API_KEY, or save one in a profile (customeraddresses profile set NAME --api-key KEY)");
