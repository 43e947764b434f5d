using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The tool's import parsing with each CSV library it could use: a header mapped to the import's columns, then every
/// row's ten fields read as strings, as the tool turns them into rows. 10,000 rows of an export's shape (quoted names
/// with commas, doubled quotes, a line break in a field, non-ASCII text). The result is a checksum both sides must agree on.
/// </summary>
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private static readonly string[] s_columns = ["email", "name", "locale", "country_code", "description", "first_line", "second_line", "city", "postal_code", "region"];
    private byte[] _file = [];

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("region,email,name,locale,country_code,description,first_line,second_line,city,postal_code\n");
        for (int i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Bayern,user{i}@example.com,\"Müller, Jürgen {i}\",de,DE,\"Büro \"\"{i % 3}\"\"\",Königstraße {i},{(i % 50 == 0 ? "\"Hinterhaus\n3. OG\"" : string.Empty)},München,8033{i % 10}\n");
        }

        _file = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Benchmark(Baseline = true)]
    public long Sep_Read()
    {
        using var stream = new MemoryStream(_file);
        using SepReader reader = nietras.SeparatedValues.Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(stream);
        int[] map = [.. s_columns.Select(c => reader.Header.IndexOf(c))];
        long sum = 0;
        var fields = new string[map.Length];
        foreach (SepReader.Row row in reader)
        {
            for (int i = 0; i < map.Length; i++)
            {
                fields[i] = row[map[i]].ToString();
                sum += fields[i].Length;
            }
        }

        return sum;
    }

    [Benchmark]
    public long CsvHelper_Read()
    {
        using var stream = new MemoryStream(_file);
        using CsvReader reader = CsvReader.Create(stream, options: null, leaveOpen: false);
        int[] map = [.. s_columns.Select(c => reader.Headers.ToList().IndexOf(c))];
        long sum = 0;
        var fields = new string[map.Length];
        while (reader.Read())
        {
            for (int i = 0; i < map.Length; i++)
            {
                fields[i] = reader.GetString(map[i]);
                sum += fields[i].Length;
            }
        }

        return sum;
    }
}
