using System.CommandLine;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary><c>profile set|list|remove</c>: the named connections of <see cref="Profiles"/>.</summary>
internal static class ProfileCommand
{
    internal static Command Create(ToolContext context, Connection connection)
    {
        var name = new Argument<string>("NAME") { Description = "The profile's name (default is used when no --profile is given)." };
        var set = new Command("set", "Create or change a profile from --base-url, --dialect and --api-key (what is not given is kept).") { name };
        set.SetAction(async (parse, ct) =>
        {
            string profile = parse.GetValue(name)!;
            SortedDictionary<string, Profile> all = Profiles.Read(context.ConfigDirectory);
            Profile before = all.GetValueOrDefault(profile) ?? new Profile(null, null, null);
            string? url = parse.GetValue(connection.BaseUrl);
            if (url is not null)
            {
                Connection.BaseAddressOf(url);
            }

            string? dialect = parse.GetValue(connection.Dialect);
            Connection.DialectOf(dialect, "--dialect");

            if (url is null && dialect is null && parse.GetValue(connection.ApiKey) is null)
            {
                throw new UsageException("profile set takes at least one of --base-url, --dialect and --api-key");
            }

            all[profile] = new Profile(url ?? before.BaseUrl, dialect ?? before.Dialect, parse.GetValue(connection.ApiKey) ?? before.ApiKey);
            await Profiles.WriteAsync(context.ConfigDirectory, all);
            await context.Out.WriteLineAsync($"profile {Echo.Quote(profile)}: {all[profile]}");
            return ExitCodes.Done;
        });

        var list = new Command("list", "List the profiles (a key is shown as set or not set, never printed).");
        list.SetAction(async (parse, ct) =>
        {
            foreach ((string profile, Profile value) in Profiles.Read(context.ConfigDirectory))
            {
                await context.Out.WriteLineAsync($"{Echo.Escape(profile)}\t{Echo.Escape(value.ToString())}");
            }

            return ExitCodes.Done;
        });

        var removed = new Argument<string>("NAME") { Description = "The profile to remove." };
        var remove = new Command("remove", "Remove a profile.") { removed };
        remove.SetAction(async (parse, ct) =>
        {
            string profile = parse.GetValue(removed)!;
            SortedDictionary<string, Profile> all = Profiles.Read(context.ConfigDirectory);
            if (!all.Remove(profile))
            {
                throw new UsageException($"no profile {Echo.Quote(profile)}");
            }

            await Profiles.WriteAsync(context.ConfigDirectory, all);
            return ExitCodes.Done;
        });

        return new Command("profile", "Keep named connections (base URL, dialect, key) in the user's configuration folder, readable by its owner only.") { set, list, remove };
    }
}
