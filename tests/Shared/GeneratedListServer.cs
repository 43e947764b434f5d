using System.Globalization;
using System.Net;
using System.Text;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>Paddle's list answers, made up on the fly: <paramref name="customers"/> customers with <paramref name="addressesEach"/> addresses each, and no businesses.</summary>
internal sealed class GeneratedListServer(int customers, int addressesEach) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri url = request.RequestUri!;
        string[] path = url.AbsolutePath.Trim('/').Split('/');
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        int perPage = int.Parse(query["per_page"] ?? "50", CultureInfo.InvariantCulture);
        int after = query["after"] is { } cursor ? int.Parse(cursor[(cursor.LastIndexOf('_') + 1)..], CultureInfo.InvariantCulture) : -1;
        var body = new StringBuilder("{\"data\":[");
        int total = path switch { ["customers"] => customers, [_, _, "addresses"] => addressesEach, _ => 0 };
        int last = Math.Min(total - 1, after + perPage);
        for (int n = after + 1; n <= last; n++)
        {
            body.Append(n > after + 1 ? "," : string.Empty).Append(path is ["customers"]
                ? $$"""{"id":"ctm_{{n:D26}}","status":"active","custom_data":null,"name":"Customer {{n}}","email":"c{{n}}@example.com","marketing_consent":false,"locale":"en","created_at":"2024-04-11T15:57:24.813Z","updated_at":"2024-04-11T15:57:24.813Z","import_meta":null}"""
                : $$"""{"id":"add_{{path[1][4..]}}_{{n:D6}}","status":"active","customer_id":"{{path[1]}}","description":"Office {{n}}","first_line":"{{n}} Main Street","second_line":null,"city":"York","postal_code":"YO1","region":null,"country_code":"GB","custom_data":null,"created_at":"2024-04-12T06:42:58.785Z","updated_at":"2024-04-12T06:42:58.785Z","import_meta":null}""");
        }

        string next = $"{url.GetLeftPart(UriPartial.Path)}?per_page={perPage}&order_by=id[ASC]&after={(path is ["customers"] ? $"ctm_{last:D26}" : $"add_x_{last:D6}")}";
        body.Append("],\"meta\":{\"request_id\":\"r\",\"pagination\":{\"per_page\":").Append(perPage).Append(",\"next\":\"").Append(next)
            .Append("\",\"has_more\":").Append(last < total - 1 ? "true" : "false").Append(",\"estimated_total\":").Append(total).Append("}}}");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") });
    }
}
