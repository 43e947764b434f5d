// Proves the packages work as packages: what is inside them, their dependencies, and the source-generated
// Refit and JSON code, by calling every endpoint of the packaged emulator through the packaged client.
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Redis;
using CustomerAddresses.Client.Testing;

string version = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CustomerAddressesVersion").Value!;
string packages = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("artifacts", "packages"));
var problems = new List<string>();

void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        problems.Add(what);
    }
}

foreach (string id in new[] { "CustomerAddresses.Client", "CustomerAddresses.Client.Testing", "CustomerAddresses.Client.AspNetCore", "CustomerAddresses.Client.Redis", "CustomerAddresses.Client.Bulk", "CustomerAddresses.Client.Mirror" })
{
    string nupkg = Path.Combine(packages, $"{id}.{version}.nupkg");
    using ZipArchive zip = ZipFile.OpenRead(nupkg);
    string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
    XDocument nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
    XNamespace ns = nuspec.Root!.Name.Namespace;
    XElement metadata = nuspec.Root.Element(ns + "metadata")!;
    Check(entries.Contains("README.md") && metadata.Element(ns + "readme")?.Value == "README.md", $"{id}: the README is the package readme");
    Check(metadata.Element(ns + "license")?.Value == "MIT", $"{id}: license expression MIT");
    Check(!string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value) && !string.IsNullOrWhiteSpace(metadata.Element(ns + "tags")?.Value), $"{id}: description and tags");
    Check(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"{id}: symbols package");
    // Every dependency must be one the assemblies reference: a transitive pin packed as a direct dependency would
    // become every consumer's version floor.
    foreach (XElement group in metadata.Element(ns + "dependencies")?.Elements(ns + "group") ?? [])
    {
        string tfm = group.Attribute("targetFramework")!.Value;
        string? dll = entries.FirstOrDefault(e => e == $"lib/{tfm}/{id}.dll");
        if (dll is null)
        {
            Check(false, $"{id}: no lib/{tfm}/{id}.dll for the {tfm} dependency group");
            continue;
        }

        HashSet<string> referenced = ReferencedAssemblies(zip.GetEntry(dll)!);
        foreach (string dependency in group.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value))
        {
            Check(referenced.Contains(dependency), $"{id} ({tfm}): depends on {dependency}, which its assembly references");
        }
    }

    if (id != "CustomerAddresses.Client.Testing")
    {
        foreach (string tfm in new[] { "net8.0", "net10.0" })
        {
            Check(entries.Contains($"lib/{tfm}/{id}.dll") && entries.Contains($"lib/{tfm}/{id}.xml"), $"{id}: {tfm} assembly with XML docs");
        }
    }
}

await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = "smoke-key", SessionToken = "smoke-session" });
using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = "smoke-key", SessionToken = "smoke-session" });

Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Smoke", Email = "smoke@example.com" });
Check(customer.Id.Value.StartsWith("ctm_", StringComparison.Ordinal), $"create customer: {customer.Id}");
for (int i = 0; i < 5; i++)
{
    await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = $"City {i}", Country = "US" });
}

int listed = 0;
await foreach (Address address in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 2 }))
{
    listed++;
}

Check(listed == 5, $"create and list addresses over 3 pages: {listed}");
BillingAddress billing = await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_smoke"), new AddBillingAddressRequest
{
    Name = "HQ", Company = "Smoke Ltd", AddressLine1 = "1 Road", City = "Leeds", State = "West Yorkshire", PostalCode = "LS1", Country = "GB",
});
Check(BillingAddressId.TryParse(billing.Id.Value, out _), $"add billing address: {billing.Id}");
BillingAddress replaced = await client.BillingAddresses.ReplaceAsync(OrganizationId.Parse("org_smoke"), billing.Id, new ReplaceBillingAddressRequest
{
    Address = "2 Road", City = "Leeds", State = "West Yorkshire", PostalCode = "LS2", Country = "GB",
});
Check(replaced.AddressLine1 == "2 Road", $"replace billing address: {replaced.AddressLine1}");
await client.BillingAddresses.DeleteAsync(OrganizationId.Parse("org_smoke"), billing.Id);
Check(await client.BillingAddresses.ListAsync(OrganizationId.Parse("org_smoke")).CountAsync() == 0, "list billing addresses after delete");
try
{
    await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Smoke", Email = "smoke@example.com" });
    Check(false, "duplicate email refused");
}
catch (ConflictException e)
{
    Check(e.ExistingCustomerId == customer.Id, "duplicate email refused with the existing id");
}

// The rate limit shared through the Redis .ci/run started (CUSTOMERADDRESSES_SMOKE_REDIS): two clients, one limit.
string redis = Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_SMOKE_REDIS") ?? throw new InvalidOperationException("CUSTOMERADDRESSES_SMOKE_REDIS names no Redis");
CustomerAddressesClient Shared()
{
    var options = new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = "smoke-key", RateLimit = { RequestsPerMinute = 600 } };
    options.RateLimit.UseRedis(r => r.Configuration = redis);
    return new CustomerAddressesClient(options);
}

using (CustomerAddressesClient first = Shared())
using (CustomerAddressesClient second = Shared())
{
    var paced = System.Diagnostics.Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).Customers.GetAsync(customer.Id)));
    Check(paced.Elapsed >= TimeSpan.FromMilliseconds(9 * 100), $"10 calls of two clients sharing 600 a minute through Redis took {paced.ElapsedMilliseconds} ms (one every 102 ms)");
}

// A webhook from the packaged emulator, received by the packaged ASP.NET Core endpoint and verified.
WebApplicationBuilder receiverBuilder = WebApplication.CreateSlimBuilder();
receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
receiverBuilder.Logging.ClearProviders();
receiverBuilder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add("pdl_ntfset_smoke"));
await using WebApplication receiver = receiverBuilder.Build();
var received = new TaskCompletionSource<PaddleWebhookEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
receiver.MapPaddleWebhooks("/paddle", (webhook, _) =>
{
    received.TrySetResult(webhook);
    return Task.CompletedTask;
});
await receiver.StartAsync();
emulator.AddWebhookDestination(new Uri(receiver.Urls.First() + "/paddle"), "pdl_ntfset_smoke");
await client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { Name = "Smoke Updated" });
PaddleWebhookEvent arrived = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
Check(arrived is CustomerWebhookEvent { EventType: PaddleWebhookEventTypes.CustomerUpdated, Customer.Name: "Smoke Updated" }, $"webhook verified and typed: {arrived.EventType}");
await receiver.StopAsync();

static HashSet<string> ReferencedAssemblies(ZipArchiveEntry dll)
{
    using var copy = new MemoryStream();
    using (Stream stream = dll.Open())
    {
        stream.CopyTo(copy);
    }

    copy.Position = 0;
    using var pe = new PEReader(copy);
    MetadataReader reader = pe.GetMetadataReader();
    return [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))];
}

Console.WriteLine(problems.Count == 0 ? $"Package smoke test passed for {version}." : $"Package smoke test FAILED: {string.Join("; ", problems)}");
return problems.Count == 0 ? 0 : 1;
