using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>Tests that change the process's environment and working directory: they run alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// The emulator as a test kit reads nothing it was not told: environment variables and an <c>appsettings.json</c> in the
/// working directory do not move it off its free port, and two emulators hand out different ids unless given one seed.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EmulatorIsolationTests
{
    public static TheoryData<string> Ambient => ["environment", "appsettings.json", "both"];

    [Theory]
    [MemberData(nameof(Ambient))]
    public async Task Ambient_configuration_does_not_move_two_emulators_onto_one_port(string source)
    {
        // A port this test holds for its whole run, so no other program on the machine can be on it, and an emulator
        // that obeyed the ambient settings would fail to start rather than pass by chance.
        using var held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        held.Start();
        int heldPort = ((System.Net.IPEndPoint)held.LocalEndpoint).Port;
        string fixedUrl = $"http://127.0.0.1:{heldPort}";
        string settings = Path.Combine(Environment.CurrentDirectory, "appsettings.json");
        try
        {
            if (source != "appsettings.json")
            {
                Environment.SetEnvironmentVariable("Kestrel__Endpoints__Http__Url", fixedUrl);
                Environment.SetEnvironmentVariable("ASPNETCORE_URLS", fixedUrl);
                Environment.SetEnvironmentVariable("URLS", fixedUrl);
            }

            if (source != "environment")
            {
                File.WriteAllText(settings, "{\"Kestrel\":{\"Endpoints\":{\"Http\":{\"Url\":\"" + fixedUrl + "\"}}},\"urls\":\"" + fixedUrl + "\"}");
            }

            await using CustomerAddressesEmulator first = await CustomerAddressesEmulator.StartAsync();
            await using CustomerAddressesEmulator second = await CustomerAddressesEmulator.StartAsync();

            Assert.NotEqual(first.BaseAddress, second.BaseAddress);
            Assert.NotEqual(heldPort, first.BaseAddress.Port);
            Assert.NotEqual(heldPort, second.BaseAddress.Port);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kestrel__Endpoints__Http__Url", null);
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
            Environment.SetEnvironmentVariable("URLS", null);
            File.Delete(settings);
        }
    }

    [Fact]
    public async Task Two_emulators_hand_out_different_ids_unless_given_the_same_seed()
    {
        // Paddle's shape: ctm_ and a lower-case ULID, 10 characters of time, then 16 drawn from the seed.
        async Task<string> FirstCustomerId(int? seed)
        {
            await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { Seed = seed });
            using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
            string id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" })).Id.Value;
            Assert.Matches("^ctm_[0-9a-hjkmnp-tv-z]{26}$", id);
            return id;
        }

        Assert.NotEqual((await FirstCustomerId(null))[14..], (await FirstCustomerId(null))[14..]);
        Assert.Equal((await FirstCustomerId(42))[14..], (await FirstCustomerId(42))[14..]);
    }
}
