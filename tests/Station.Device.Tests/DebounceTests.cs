using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Motion;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>The core's input debounce (DebouncedInput), on the target's own arithmetic and timing types.</summary>
    [TestClass]
    public class DebounceTests
    {
        [TestMethod]
        public void A_new_level_counts_only_once_it_has_held_for_the_debounce_time()
        {
            var raw = new FakeInput();
            var input = new DebouncedInput(raw, 20, false);
            input.Sample(0);
            Assert.IsFalse(input.Value, "first sample taken as it is");
            raw.Level = true;
            input.Sample(10);
            Assert.IsFalse(input.Value, "0 ms held");
            input.Sample(20);
            Assert.IsFalse(input.Value, "10 ms held");
            input.Sample(30);
            Assert.IsTrue(input.Value, "20 ms held");
            Assert.IsTrue(input.Raw);
        }

        [TestMethod]
        public void A_glitch_shorter_than_the_debounce_time_is_ignored()
        {
            var raw = new FakeInput();
            var input = new DebouncedInput(raw, 20, false);
            input.Sample(0);
            raw.Level = true;
            input.Sample(10);
            raw.Level = false;
            input.Sample(20);
            raw.Level = true;
            input.Sample(30);
            input.Sample(40);
            Assert.IsFalse(input.Value, "the glitch restarted the debounce time");
            input.Sample(50);
            Assert.IsTrue(input.Value);
        }

        [TestMethod]
        public void A_safety_input_drops_in_the_same_sample_but_rises_only_after_the_debounce_time()
        {
            var raw = new FakeInput();
            raw.Level = true;
            var estopReleased = new DebouncedInput(raw, 20, true);
            estopReleased.Sample(0);
            Assert.IsTrue(estopReleased.Value);
            raw.Level = false;
            estopReleased.Sample(10);
            Assert.IsFalse(estopReleased.Value, "a break is believed at once");
            raw.Level = true;
            estopReleased.Sample(20);
            Assert.IsFalse(estopReleased.Value, "a release waits");
            estopReleased.Sample(40);
            Assert.IsTrue(estopReleased.Value);
        }

        [TestMethod]
        public void The_controller_reads_its_input_bank_once_per_tick_in_every_state_and_no_input_alone()
        {
            // On the interpreter an interface call per input per tick was the largest part of an idle tick: the tick
            // starts with one read of the bank (the input scan) and every input group of the controller decides on it.
            // A group whose inputs are being debounced reads the bank afresh (its tick is the dear one anyway): only
            // in the few ticks after a sensor changed.
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            FakeInputBank bank = s.Bay.Banks[0];
            int aloneBefore = s.Bay.InputsReadAlone();
            int before = bank.ReadCount;
            for (int i = 0; i < 50; i++) s.Tick();
            Assert.AreEqual(50, bank.ReadCount - before, "bank reads in 50 idle ticks");
            s.Authorize();
            int ticks = 0, once = 0;
            while (s.C.State != SwapState.Released && ticks < 20000)
            {
                before = bank.ReadCount;
                s.Tick();
                int reads = bank.ReadCount - before;
                Assert.IsTrue(reads >= 1, "a tick without its input scan");
                if (reads == 1) once++;
                ticks++;
            }
            Assert.AreEqual(SwapState.Released, s.C.State);
            Assert.AreEqual(aloneBefore, s.Bay.InputsReadAlone(), "inputs read alone in the tick");
            Assert.IsTrue(once * 10 >= ticks * 9, "ticks with one bank read: " + once.ToString() + " of " + ticks.ToString());
        }
    }
}
