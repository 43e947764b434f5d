using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>A named connection: the server, the dialect it speaks, and the key to send.</summary>
internal sealed record Profile(string? BaseUrl, string? Dialect, string? ApiKey)
{
    /// <summary>The profile without its key, for <c>profile list</c>: says whether one is set, never what it is.</summary>
    public override string ToString() => $"base URL {BaseUrl ?? "(none)"}, dialect {Dialect ?? "(by host)"}, key {(ApiKey is null ? "not set" : "set")}";
}

/// <summary>
/// Named profiles, as stripe-cli keeps them: one JSON file, <c>config.json</c>, in the user's configuration folder
/// (<c>$XDG_CONFIG_HOME/customeraddresses</c>, else <c>~/.config/customeraddresses</c>; <c>%APPDATA%</c> on Windows;
/// <c>CUSTOMERADDRESSES_CONFIG_DIR</c> to choose another). It holds keys, so it is written readable by its owner only,
/// to a temporary file renamed into place. The profile named <c>default</c> is used when none is named.
/// </summary>
internal static class Profiles
{
    internal const string DefaultName = "default";
    private const string FileName = "config.json";

    /// <summary>The folder profiles live in, by the rules above.</summary>
    internal static string DefaultDirectory(Func<string, string?> environment) =>
        environment("CUSTOMERADDRESSES_CONFIG_DIR")
        ?? Path.Combine(
            environment("XDG_CONFIG_HOME") ?? (OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")),
            "customeraddresses");

    /// <summary>Every profile in <paramref name="directory"/>, by name; none when there is no file.</summary>
    /// <exception cref="UsageException">The file is not a profiles file.</exception>
    internal static SortedDictionary<string, Profile> Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        var profiles = new SortedDictionary<string, Profile>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return profiles;
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path))?["profiles"] is JsonObject all)
            {
                foreach ((string name, JsonNode? node) in all)
                {
                    profiles[name] = new Profile(Text(node, "base_url"), Text(node, "dialect"), Text(node, "api_key"));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new UsageException($"{Echo.Quote(path, 260)} is not a profiles file ({e.GetType().Name}): fix or remove it");
        }

        return profiles;
    }

    /// <summary>The profile named <paramref name="name"/>, or <c>default</c>'s (or none) when no name is given.</summary>
    /// <exception cref="UsageException">A profile was named and there is none of that name.</exception>
    internal static Profile? Find(string directory, string? name)
    {
        SortedDictionary<string, Profile> profiles = Read(directory);
        if (name is null)
        {
            return profiles.GetValueOrDefault(DefaultName);
        }

        return profiles.TryGetValue(name, out Profile? profile)
            ? profile
            : throw new UsageException($"no profile {Echo.Quote(name)} (customeraddresses profile list shows them; profile set {Echo.Quote(name)} --base-url URL makes it)");
    }

    /// <summary>Writes every profile, atomically, readable by its owner only.</summary>
    internal static async Task WriteAsync(string directory, IReadOnlyDictionary<string, Profile> profiles)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var all = new JsonObject();
        foreach ((string name, Profile p) in profiles)
        {
            var node = new JsonObject();
            Set(node, "base_url", p.BaseUrl);
            Set(node, "dialect", p.Dialect);
            Set(node, "api_key", p.ApiKey);
            all[name] = node;
        }

        await using var file = new AtomicFile(Path.Combine(directory, FileName));
        await file.Writer.WriteLineAsync(new JsonObject { ["profiles"] = all }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await file.CommitAsync();
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

    private static void Set(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
