using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Motion;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>LockSet faults: a lock that does not reach its end position in time, and a lock whose two sensors
    /// both read active, latch a numbered fault naming the lock and switch every lock output off.</summary>
    [TestClass]
    public class LockFaultTests
    {
        [TestMethod]
        public void A_lock_that_does_not_release_in_time_latches_a_release_timeout_naming_it()
        {
            var bay = new TinyBay();
            bay.StuckLock = 2;
            bay.Permit.Write(true);
            var locks = new LockSet(bay.Io.Locks, bay.Config);
            locks.ReleaseAll(bay.Clock.NowMs);
            int ms = 0;
            while (locks.Fault == FaultCode.None && ms < bay.Config.LockTravelMs + 1000)
            {
                bay.Clock.Advance(bay.Config.TickMs);
                bay.Step(bay.Config.TickMs);
                locks.Update(bay.Clock.NowMs);
                ms += bay.Config.TickMs;
            }
            Assert.AreEqual((int)FaultCode.LockReleaseTimeout, (int)locks.Fault);
            Assert.AreEqual(2, locks.FaultLock);
            Assert.IsTrue(ms > bay.Config.LockTravelMs, "not before the travel time");
            Assert.IsTrue(locks.IsUnlocked(0) && locks.IsUnlocked(1) && locks.IsUnlocked(3), "the others released");
            Assert.IsTrue(locks.IsLocked(2));
            Assert.IsFalse(AnyLockOutput(bay), "lock outputs off");
        }

        [TestMethod]
        public void Both_sensors_of_a_lock_active_past_the_travel_time_is_a_sensor_conflict()
        {
            var bay = new TinyBay();
            var locks = new LockSet(bay.Io.Locks, bay.Config);
            locks.EngageAll(bay.Clock.NowMs);
            bay.Unlocked[1].Level = true; // lock 1 reads locked and unlocked at once
            for (int ms = 0; ms <= bay.Config.LockTravelMs + 100 && locks.Fault == FaultCode.None; ms += bay.Config.TickMs)
            {
                bay.Clock.Advance(bay.Config.TickMs);
                locks.Update(bay.Clock.NowMs);
            }
            Assert.AreEqual((int)FaultCode.LockSensorConflict, (int)locks.Fault);
            Assert.AreEqual(1, locks.FaultLock);
            Assert.IsFalse(AnyLockOutput(bay), "lock outputs off");
        }

        private static bool AnyLockOutput(TinyBay bay)
        {
            for (int i = 0; i < bay.Engage.Length; i++)
            {
                if (bay.Engage[i].State || bay.Release[i].State) return true;
            }
            return false;
        }
    }
}
