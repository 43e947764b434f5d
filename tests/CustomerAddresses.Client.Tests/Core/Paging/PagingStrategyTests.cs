using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Tests.Core.Paging;

/// <summary>The two paging strategies as pure functions: a page in, the page the caller sees and the next request out.</summary>
public sealed class PagingStrategyTests
{
    private static readonly Uri s_base = new("https://api.example.com/v1/");
    private static readonly ClientSettings s_settings = ClientSettings.From(new CustomerAddressesClientOptions { BaseAddress = s_base });
    private static readonly Uri s_list = new("https://api.example.com/v1/customers/c/addresses?per_page=2");

    private static ListEnvelope<string> Cursor(string[] items, bool hasMore, string? next = null) =>
        new() { Items = [.. items], HasMore = hasMore, Next = next, EstimatedTotal = 9 };

    private static ListEnvelope<string> Offset(string[] items, int? limit, int? offset) =>
        new() { Items = [.. items], IsOffsetShape = true, Limit = limit, Offset = offset };

    private static (Page<string> Page, PageRequest? Next) CursorNext(ListEnvelope<string> list, PagingState? state = null, PageQuery? query = null) =>
        CursorPaging.Next(list, query ?? PageQuery.First(null, 2), CustomerAddressesModelFactory.Response(requestId: "req_1"), state ?? new PagingState(), static s => s, s_list, s_settings.IsSameOrigin);

    [Fact]
    public void A_cursor_page_without_has_more_is_the_last_even_with_a_next_link()
    {
        (Page<string> page, PageRequest? next) = CursorNext(Cursor(["a", "b"], hasMore: false, next: "https://api.example.com/v1/x?after=b"));

        Assert.Null(next);
        Assert.False(page.HasMore);
        Assert.Null(page.ContinuationToken);
        Assert.Equal(9, page.EstimatedTotal);
        Assert.Equal("req_1", page.RequestId);
    }

    [Fact]
    public void A_same_origin_next_link_is_followed_as_given()
    {
        (_, PageRequest? next) = CursorNext(Cursor(["a", "b"], true, "https://api.example.com/v1/customers/c/addresses?after=b&per_page=2"));

        Assert.Equal("https://api.example.com/v1/customers/c/addresses?after=b&per_page=2", next!.Link!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://elsewhere.example/v1/customers/c/addresses?after=b")]
    [InlineData("http://api.example.com/v1/customers/c/addresses?after=b")]
    [InlineData("https://api.example.com:8443/v1/customers/c/addresses?after=b")]
    [InlineData("https://api.example.com/v1/admin/export?after=b")]
    [InlineData("https://api.example.com/v1/customers/other/addresses?after=b")]
    [InlineData("../../admin?after=b")]
    [InlineData("/v1/customers/c/addresses/../../other/addresses?after=b")]
    public void A_next_link_off_the_origin_or_off_the_lists_own_path_is_not_followed_its_cursor_is(string foreign)
    {
        (_, PageRequest? next) = CursorNext(Cursor(["a", "b"], true, foreign), query: PageQuery.First(null, 7));

        Assert.Null(next!.Link);
        Assert.Equal(new PageQuery("b", 7, null, null), next.Query);
    }

    [Fact]
    public void A_relative_next_link_is_resolved_against_the_list_not_the_base_address()
    {
        (_, PageRequest? next) = CursorNext(Cursor(["a", "b"], true, "?after=b&per_page=2"));

        Assert.Equal("https://api.example.com/v1/customers/c/addresses?after=b&per_page=2", next!.Link!.AbsoluteUri);
    }

    [Fact]
    public void Without_a_next_link_the_last_items_id_is_the_cursor()
    {
        (Page<string> page, PageRequest? next) = CursorNext(Cursor(["a", "z"], true));

        Assert.Equal("z", next!.Query.After);
        Assert.Equal(PageQuery.First("z", 2), ContinuationToken.Resume(page.ContinuationToken!, 2, "t"));
    }

    [Fact]
    public void An_empty_page_that_promises_more_is_a_paging_violation()
    {
        var e = Assert.Throws<PagingException>(() => CursorNext(Cursor([], true)));

        Assert.Contains("has_more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_cursor_is_a_paging_violation()
    {
        var state = new PagingState();
        CursorNext(Cursor(["a", "b"], true), state);

        Assert.Throws<PagingException>(() => CursorNext(Cursor(["c", "b"], true), state));
    }

    [Fact]
    public void A_full_offset_page_asks_for_the_next_offset_with_the_servers_limit()
    {
        (Page<string> page, PageRequest? next) = OffsetPaging.Next(Offset(["a", "b"], 2, 4), new PageQuery(null, null, 2, 4), null, new PagingState(), static s => s);

        Assert.True(page.HasMore);
        Assert.Equal(new PageQuery(null, null, 2, 6), next!.Query);
        Assert.Equal(new PageQuery(null, null, 5, 6), ContinuationToken.Resume(page.ContinuationToken!, 5, "t"));
    }

    [Theory]
    [InlineData(new[] { "a" }, 2)]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "a", "b" }, null)]
    public void A_short_empty_or_unlimited_offset_page_is_the_last(string[] items, int? limit)
    {
        (Page<string> page, PageRequest? next) = OffsetPaging.Next(Offset(items, limit, 0), PageQuery.First(null, null), null, new PagingState(), static s => s);

        Assert.Null(next);
        Assert.False(page.HasMore);
    }

    [Fact]
    public void An_offset_other_than_the_one_asked_for_is_a_paging_violation()
    {
        Assert.Throws<PagingException>(() => OffsetPaging.Next(Offset(["a"], 1, 0), new PageQuery(null, null, 1, 5), null, new PagingState(), static s => s));
    }

    [Fact]
    public void An_offset_that_cannot_be_continued_is_a_paging_violation_not_an_overflow()
    {
        Assert.Throws<PagingException>(() => OffsetPaging.Next(Offset(["a", "b"], 2, int.MaxValue - 1), new PageQuery(null, null, 2, int.MaxValue - 1), null, new PagingState(), static s => s));
    }

    [Fact]
    public void A_server_that_ignores_the_offset_is_caught_on_the_repeated_page()
    {
        var state = new PagingState();
        OffsetPaging.Next(Offset(["a", "b"], 2, null), PageQuery.First(null, null), null, state, static s => s);

        Assert.Throws<PagingException>(() => OffsetPaging.Next(Offset(["a", "b"], 2, null), new PageQuery(null, null, 2, 2), null, state, static s => s));
    }

    [Theory]
    [InlineData("add_01hv8gq3318ktkfengj2r75gfx")]
    [InlineData("cursor with spaces+plus%20/slash")]
    [InlineData("ünïcødé")]
    public void Any_server_cursor_survives_a_token_round_trip(string cursor)
    {
        string token = ContinuationToken.ForCursor(cursor);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(cursor, ContinuationToken.Resume(token, null, "t").After);
    }
}
