namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>Where the repository's files are, found from the test's output directory.</summary>
internal static class Repository
{
    /// <summary>The folder that holds <c>CustomerAddresses.Client.sln</c>.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerAddresses.Client.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }

    /// <summary>The client package's sources: <c>src/CustomerAddresses.Client</c>.</summary>
    public static string ClientSources => Path.Combine(Root, "src", "CustomerAddresses.Client");
}
