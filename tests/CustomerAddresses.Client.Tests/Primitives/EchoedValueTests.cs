using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Configuration;

namespace CustomerAddresses.Client.Tests.Primitives;

/// <summary>
/// Wherever a message quotes a value the caller or the server gave, the value stays on its line: line breaks, the other
/// control characters, the Unicode line separators and the characters that reorder text are written as escapes, and the
/// value is still shown, so the message says what was wrong without letting the value forge a line of a log.
/// </summary>
public sealed class EchoedValueTests
{
    public static TheoryData<string> Injections => ["\nline 99: imported", "\r\nFORGED", "\u2028FORGED", "\u0085FORGED", "\u001b[2KFORGED", "\u202EFORGED"];

    /// <summary>Characters that end a line on some terminal or log viewer, or make what follows read differently.</summary>
    private static void AssertOneSafeLine(string message, string injected)
    {
        Assert.DoesNotContain(message, c => char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E'));
        string visible = injected.TrimStart('\r', '\n', '\u2028', '\u0085', '\u001b', '\u202E').Replace("[2K", string.Empty, StringComparison.Ordinal);
        Assert.Contains(visible, message, StringComparison.Ordinal); // still shown, escaped
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void A_country_code_that_is_not_one(string injected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => CountryCode.Parse("G" + injected));

        AssertOneSafeLine(e.Message, injected);
        if (injected.StartsWith('\n'))
        {
            Assert.Contains(@"'G\nline 99: imported'", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void An_id_that_is_not_one(string injected)
    {
        AssertOneSafeLine(Assert.Throws<ArgumentException>(() => CustomerId.Parse("ctm_" + injected)).Message, injected);
        AssertOneSafeLine(Assert.Throws<ArgumentException>(() => AddressId.Parse("add_1" + injected)).Message, injected);
        AssertOneSafeLine(Assert.Throws<ArgumentException>(() => OrganizationId.Parse("7" + injected)).Message, injected);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void A_cursor_the_server_repeats(string injected)
    {
        var list = new ListEnvelope<string> { Items = ["a"], HasMore = true, Next = "?after=" + Uri.EscapeDataString("c" + injected) };
        var state = new PagingState();
        var listUri = new Uri("https://api.example.com/customers");
        CursorPaging.Next(list, PageQuery.First(null, 2), null, state, static s => s, listUri, static _ => true);

        PagingException e = Assert.Throws<PagingException>(() => CursorPaging.Next(list, PageQuery.First(null, 2), null, state, static s => s, listUri, static _ => true));

        AssertOneSafeLine(e.Message, injected);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void A_configuration_key(string injected)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Customer" + injected + ":MaxRetries"] = "3" })
            .Build();

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() =>
            OptionsBinding.Bind(configuration.GetSection("Customer" + injected), new CustomerAddressesClientOptions()));

        AssertOneSafeLine(e.Message, injected);
    }
}
