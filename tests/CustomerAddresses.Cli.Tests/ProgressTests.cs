namespace CustomerAddresses.Cli.Tests;

/// <summary>When plain progress lines come (a CI log): never more than two seconds of silence at the start or while a run is in trouble.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void The_first_line_comes_at_two_seconds_then_every_five_or_two_after_a_retry_or_a_429()
    {
        long trouble = 0;
        var schedule = new PlainSchedule(() => trouble);
        static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

        bool[] due =
        [
            schedule.Due(S(1.9)), schedule.Due(S(2.0)), // the first line
            schedule.Due(S(6.9)), schedule.Due(S(7.0)), // all is well: five seconds
            Retry(schedule.Due(S(8.9))), schedule.Due(S(9.0)), // a retry since the last line: two seconds
            schedule.Due(S(11.0)), schedule.Due(S(14.0)), // well again: five seconds
        ];

        Assert.Equal([false, true, false, true, false, true, false, true], due);

        bool Retry(bool result)
        {
            trouble++;
            return result;
        }
    }
}
