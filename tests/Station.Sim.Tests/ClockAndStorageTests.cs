using System;
using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class ClockAndStorageTests
    {
        [Fact]
        public void Clock_advances_only_when_told_and_maps_to_utc()
        {
            var c = new SimClock(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            Assert.Equal(0, c.NowMs);
            c.Advance(10);
            c.Advance(1990);
            Assert.Equal(2000, c.NowMs);
            Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 2, DateTimeKind.Utc), c.UtcNow);
            Assert.Throws<ArgumentOutOfRangeException>(() => c.Advance(-1));
        }

        [Fact]
        public void Paced_clock_does_not_run_ahead_of_wall_time()
        {
            var c = new SimClock { Speed = 100, PacedToWallTime = true };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            c.Advance(2000); // 2 s simulated at 100x = at least 20 ms of wall time
            Assert.True(sw.ElapsedMilliseconds >= 15, $"paced advance returned after {sw.ElapsedMilliseconds} ms");
            c.PacedToWallTime = false;
            Assert.False(c.PacedToWallTime);
        }

        [Fact]
        public void Storage_appends_reads_and_replaces()
        {
            var s = new MemoryStorage();
            Assert.Equal(-1, s.Length("j"));
            Assert.True(s.Append("j", new byte[] { 1, 2, 3, 4 }, 1, 2));
            Assert.True(s.Append("j", new byte[] { 9 }, 0, 1));
            Assert.Equal(3, s.Length("j"));
            var buf = new byte[8];
            Assert.Equal(2, s.Read("j", 1, buf, 0, 8));
            Assert.Equal(new byte[] { 3, 9 }, buf[..2]);
            Assert.True(s.Replace("c", new byte[] { 7, 7 }, 0, 2));
            Assert.True(s.Replace("c", new byte[] { 5 }, 0, 1));
            Assert.Equal(new byte[] { 5 }, s.Snapshot("c"));
            s.Delete("c");
            Assert.Equal(-1, s.Length("c"));
        }

        [Fact]
        public void Storage_rejects_bad_arguments_without_throwing()
        {
            var s = new MemoryStorage();
            Assert.False(s.Append(null, new byte[1], 0, 1));
            Assert.False(s.Append("j", null, 0, 1));
            Assert.False(s.Append("j", new byte[1], 0, 2));
            Assert.False(s.Append("j", new byte[1], -1, 1));
            Assert.Equal(0, s.Read("missing", 0, new byte[4], 0, 4));
            Assert.Equal(0, s.Read("j", -1, new byte[4], 0, 4));
            Assert.Equal(-1, s.Length(null));
        }

        [Fact]
        public void Tearing_cuts_only_the_last_append()
        {
            var s = new MemoryStorage();
            s.Append("j", new byte[] { 1, 1, 1, 1 }, 0, 4);
            s.Append("j", new byte[] { 2, 2, 2, 2, 2, 2 }, 0, 6);
            Assert.True(s.TearLastAppend());
            Assert.Equal(new byte[] { 1, 1, 1, 1, 2, 2, 2 }, s.Snapshot("j"));
            Assert.False(s.TearLastAppend()); // one cut tears one write
            s.Append("j", new byte[] { 3, 3 }, 0, 2);
            Assert.True(s.TearLastAppend(0));
            Assert.Equal(7, s.Length("j"));
        }

        [Fact]
        public void Failed_medium_refuses_writes_and_keeps_content()
        {
            var s = new MemoryStorage();
            s.Append("j", new byte[] { 1 }, 0, 1);
            s.FailWrites = true;
            Assert.False(s.Append("j", new byte[] { 2 }, 0, 1));
            Assert.False(s.Replace("j", new byte[] { 2 }, 0, 1));
            Assert.Equal(new byte[] { 1 }, s.Snapshot("j"));
        }
    }
}
