using System;
using Station.Core;
using Station.Core.Can;
using Station.Device.Tests.Fakes;
using NativeGc = nanoFramework.Runtime.Native.GC;

namespace Station.DeviceProbe
{
    /// <summary>Runs the whole application (controller, BMS check on CAN, console, cloud link) over the on-target
    /// fakes on nanoCLR, and marks the boundary of every region it wants measured by calling a native method
    /// (GC.EnableGCMessages) that valgrind dumps its counters before: probe.sh turns the dumps into instructions and
    /// managed allocations per controller tick, per console+cloud period and per CAN frame. Free managed heap is taken
    /// with GC.Run(false) after boot and at every step of a warm-up swap (outside the measured regions).</summary>
    public static class Program
    {
        // One letter per region, in dump order (see probe.sh): B boot, p plant step, i/I idle controller / console+cloud,
        // s/S swap controller / console+cloud, c commands, w warm-up swap, g CAN session ticks without frames,
        // f the same with two frames each, h a live GB/T session.
        private static readonly char[] Regions = new char[8192];
        private static int _regionCount;
        // The state each measured swap tick started in, one letter each ('a' + SwapState): probe.py costs every step.
        private static readonly char[] States = new char[12000];
        private static int _stateCount;

        private static void Mark(char region)
        {
            Regions[_regionCount++] = region;
            NativeGc.EnableGCMessages(false);
        }

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            uint freeAtStart = NativeGc.Run(false);
#if PROBE_CORE
            TinyStation s = TinyStation.WithBmsRack(); // the controller and its BMS check only
#else
            TinyStation s = TinyStation.Whole();
#endif
            s.HomeToIdle();
            s.Run(1000);
            uint freeAfterBoot = NativeGc.Run(false);
            int storageAfterBoot = s.Bay.Storage.Bytes;
            Mark('B');

            for (int i = 0; i < 200; i++) Period(s, 'i', 'I');

            // Warm-up swap (fills the fakes' buffers, the interpreter's caches): free heap sampled at every step.
            s.Authorize();
            uint minFree = freeAfterBoot;
            SwapState last = s.C.State;
            for (int t = 0; t < 120000 && s.C.State != SwapState.Released; t += 10)
            {
                s.Tick();
                if (s.C.State != last)
                {
                    last = s.C.State;
                    uint free = NativeGc.Run(false);
                    if (free < minFree) minFree = free;
                }
            }
            bool firstDone = s.C.State == SwapState.Released;
            int storageAfterSwap = s.Bay.Storage.Bytes;
            NextVehicle(s);
            Mark('w');

            // The measured swap: every period split into plant, controller, console+cloud.
            s.Bms.SerialNumber = 1; // the station now picks PK0001 (95 %)
            s.Authorize();
            Mark('c');
            int swapTicks = 0;
            while (s.C.State != SwapState.Released && swapTicks < 12000)
            {
                Period(s, 's', 'S');
                swapTicks++;
            }
            bool secondDone = s.C.State == SwapState.Released;
            FaultCode fault = s.C.LatchedFault;
            Mark('c');

            int frames = CanFrames();

            System.Console.WriteLine("probe: first swap " + (firstDone ? "released" : "NOT released") + ", measured swap "
                + (secondDone ? "released" : "NOT released") + " after " + swapTicks + " ticks, fault " + (int)fault);
            System.Console.WriteLine("probe: free heap bytes at start " + freeAtStart + ", after boot " + freeAfterBoot
                + ", lowest during a swap " + minFree + "; fake storage (flash on a device) " + storageAfterBoot + " after boot, "
                + storageAfterSwap + " after the swap");
            System.Console.WriteLine("probe: frames in the live session " + frames);
            System.Console.WriteLine("probe: states " + new string(States, 0, _stateCount));
            System.Console.WriteLine("probe: regions " + new string(Regions, 0, _regionCount));
        }

        // One control period as Station.Device runs it, with the test plant first.
        private static void Period(TinyStation s, char controller, char rest)
        {
            int step = s.Bay.Config.TickMs;
            s.Bay.Clock.Advance(step);
            s.Bay.Step(step);
            s.Bms.Step(s.Bay.Clock.NowMs);
            if (controller == 's' && _stateCount < States.Length) States[_stateCount++] = (char)('a' + (int)s.C.State);
            // The controller's region holds the call of Tick and nothing else: its letters are recorded here, in the
            // plant's region, and the marker native is called directly (Mark's own call and bookkeeping, about 900
            // host instructions, used to be inside every measured tick).
            Regions[_regionCount++] = 'p';
            Regions[_regionCount++] = controller;
            NativeGc.EnableGCMessages(false);
            s.C.Tick();
            NativeGc.EnableGCMessages(false);
            if (s.Console != null) s.Console.Poll();
            if (s.Cloud != null) s.Cloud.Tick();
            Mark(rest);
        }

        // The vehicle drives off; the next one, with depleted pack D2, stops in the bay.
        private static void NextVehicle(TinyStation s)
        {
            s.Bay.VehiclePositioned = false;
            s.Run(500);
            s.Bay.VehiclePositioned = true;
            s.Run(500);
        }

        // A GB/T session of its own in its Status phase: per-frame figures.
        private static int CanFrames()
        {
            var port = new FakeCanPort();
            var bms = new FakeBms(port);
            var session = new PackSession(port, GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
            long t = 1000;
            session.Start(t);
            for (int i = 0; i < 400 && session.State != PackSessionState.Status; i++) { t += 10; bms.Step(t); session.Tick(t); }
            for (int i = 0; i < 50; i++) { t += 10; bms.Step(t); session.Tick(t); }
            Mark('c');
            for (int i = 0; i < 100; i++) session.Tick(t);
            Mark('g');
            for (int i = 0; i < 100; i++)
            {
                port.Deliver(0x181056F4u, 5, 0x020FA010A5UL); // BCL
                port.Deliver(0x181356F4u, 7, 0x00D0004B024B09UL); // BSM
                session.Tick(t);
            }
            Mark('f');
            int before = port.ReadCount;
            for (int i = 0; i < 100; i++) { t += 10; bms.Step(t); session.Tick(t); }
            Mark('h');
            return port.ReadCount - before;
        }
    }
}
