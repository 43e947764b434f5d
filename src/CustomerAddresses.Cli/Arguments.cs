using System.Globalization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>A command line: its words and its <c>--name value</c> options (or <c>--name=value</c>, or a bare flag).</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> words) => Words = words;

    internal List<string> Words { get; }

    /// <summary>Splits <paramref name="args"/>; <paramref name="flags"/> take no value.</summary>
    /// <exception cref="UsageException">An option is unknown or lacks its value.</exception>
    internal static Arguments Parse(string[] args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var parsed = new Arguments([]);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Words.Add(arg);
                continue;
            }

            string? value = null;
            if (arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                (arg, value) = (arg[..equals], arg[(equals + 1)..]);
            }

            if (flags.Contains(arg))
            {
                parsed._options[arg] = value ?? "true";
            }
            else if (options.Contains(arg))
            {
                parsed._options[arg] = value ?? (i + 1 < args.Length ? args[++i] : throw new UsageException($"{Echo.Escape(arg)} needs a value"));
            }
            else
            {
                throw new UsageException($"unknown option {Echo.Quote(arg)}");
            }
        }

        return parsed;
    }

    internal string? this[string name] => _options.GetValueOrDefault(name);

    /// <summary>Whether the option was given, even with an empty value (<c>--journal=</c>).</summary>
    internal bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or else the environment variable's (empty counts as not set).</summary>
    internal string? OrEnvironment(string name, string variable) =>
        this[name] ?? (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null);

    internal bool Flag(string name) => _options.TryGetValue(name, out string? value) && value is not ("false" or "0");

    internal int? Int(string name, int min, int max, string? variable = null) =>
        (variable is null ? this[name] : OrEnvironment(name, variable)) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value
        : throw new UsageException($"{name} takes a whole number from {min} to {max}, not {Echo.Quote(text)}");

    internal string? OneOf(string name, params string[] allowed) =>
        this[name] is not { } text ? null
        : Array.IndexOf(allowed, text) >= 0 ? text
        : throw new UsageException($"{name} takes {string.Join(" or ", allowed)}, not {Echo.Quote(text)}");
}

/// <summary>Bad usage: one line on standard error, and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
