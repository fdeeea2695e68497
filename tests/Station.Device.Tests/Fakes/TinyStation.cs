using System;
using Station.Core;
using Station.Core.Can;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Core.Console;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A controller over a <see cref="TinyBay"/>, with helpers that run simulated time.</summary>
    public sealed class TinyStation
    {
        /// <summary>The plant.</summary>
        public readonly TinyBay Bay;
        /// <summary>The controller under test.</summary>
        public StationController C;
        /// <summary>The pack's BMS on the pack CAN bus (null: the core's inventory-only check).</summary>
        public FakeBms Bms;
        /// <summary>The pack CAN port (null without a BMS).</summary>
        public FakeCanPort Can;
        /// <summary>The release gate's BMS check (null without a BMS).</summary>
        public BmsPackCheck BmsCheck;
        /// <summary>The technician's terminal (null without a console).</summary>
        public FakeSerialLine Terminal;
        /// <summary>The technician console, polled after every tick (null without one).</summary>
        public StationConsole Console;
        /// <summary>The broker connection (null without a cloud link).</summary>
        public FakeMqttLink Mqtt;
        /// <summary>The cloud link, ticked after the console (null without one).</summary>
        public CloudLink Cloud;
        /// <summary>The station as the cloud sees it (null without a cloud link).</summary>
        public StationCloud CloudStation;
        /// <summary>Configuration shared by console and cloud.</summary>
        public readonly ConfigValues Settings = new ConfigValues();

        /// <summary>Builds and starts a controller over <paramref name="bay"/>.</summary>
        public TinyStation(TinyBay bay)
        {
            Bay = bay;
            C = new StationController(bay.Io, bay.Config);
            C.Start();
        }

        /// <summary>A started station with three ready packs in the rack (P1 95 %, P2 90 %, P3 99 %).</summary>
        public static TinyStation WithRack()
        {
            var s = new TinyStation(new TinyBay());
            Ok(s.C.SetRackSlot(0, "P1", 95, PackState.Ready));
            Ok(s.C.SetRackSlot(1, "P2", 90, PackState.Ready));
            Ok(s.C.SetRackSlot(2, "P3", 99, PackState.Ready));
            return s;
        }

        /// <summary>A started station whose release gate talks GB/T 27930 to a <see cref="FakeBms"/>; its rack holds
        /// PK0001 (95 %), PK0002 (90 %) and PK0003 (99 %), and the BMS reports PK0003.</summary>
        public static TinyStation WithBmsRack()
        {
            var s = new TinyStation(new TinyBay());
            s.AttachBms();
            Ok(s.C.SetRackSlot(0, "PK0001", 95, PackState.Ready));
            Ok(s.C.SetRackSlot(1, "PK0002", 90, PackState.Ready));
            Ok(s.C.SetRackSlot(2, "PK0003", 99, PackState.Ready));
            return s;
        }

        /// <summary>Puts a BMS check over a fake CAN bus with a <see cref="FakeBms"/> on it into the release gate.</summary>
        public void AttachBms()
        {
            Can = new FakeCanPort();
            Bms = new FakeBms(Can);
            var session = new PackSession(Can, GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
            BmsCheck = new BmsPackCheck(session, new BmsCheckConfig(), Bay.Config.MinSocPct, Bay.Config.BmsTimeoutMs);
            C.PackCheck = BmsCheck;
        }

        /// <summary>The whole application as Station.Device wires it: the BMS check on the pack CAN bus, the technician
        /// console and the cloud link (session up) over fakes, with the rack of <see cref="WithBmsRack"/>.</summary>
        public static TinyStation Whole()
        {
            TinyStation s = WithBmsRack();
            s.AttachConsole();
            s.AttachCloud();
            s.Mqtt.Connect();
            return s;
        }

        /// <summary>Adds the technician console on a <see cref="FakeSerialLine"/>.</summary>
        public void AttachConsole()
        {
            Terminal = new FakeSerialLine();
            var ring = new LogRing(64, Bay.Clock, Bay.Io.Log);
            Console = new StationConsole(Terminal, new ControllerConsoleStation(C, Bay.Io), Settings, new ConfigFile(Bay.Storage), Bay.Clock, ring);
            Console.Start();
        }

        /// <summary>Adds the cloud link on a <see cref="FakeMqttLink"/> (not connected yet), its outbox in the bay's storage.</summary>
        public void AttachCloud()
        {
            Mqtt = new FakeMqttLink();
            CloudStation = new StationCloud(C, Bay.Clock, Settings, new ConfigFile(Bay.Storage));
            Cloud = new CloudLink(Mqtt, Bay.Storage, Bay.Clock, CloudStation, new CloudLinkConfig());
            Cloud.Start();
            CloudStation.Attach(Cloud);
        }

        /// <summary>Throws when a command was refused.</summary>
        public static void Ok(CommandResult r)
        {
            if (!r.Accepted) throw new Exception("refused: " + r.Message);
        }

        /// <summary>One control period: time, plant, controller.</summary>
        public void Tick()
        {
            int step = Bay.Config.TickMs;
            Bay.Clock.Advance(step);
            Bay.Step(step);
            if (Bms != null) Bms.Step(Bay.Clock.NowMs);
            C.Tick();
            if (Console != null) Console.Poll();
            if (Cloud != null) Cloud.Tick();
        }

        /// <summary>Runs <paramref name="ms"/> of simulated time.</summary>
        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += Bay.Config.TickMs) Tick();
        }

        /// <summary>Runs until the controller is in <paramref name="state"/>; false after <paramref name="maxMs"/>.</summary>
        public bool RunUntil(SwapState state, int maxMs)
        {
            for (int t = 0; t < maxMs; t += Bay.Config.TickMs)
            {
                if (C.State == state) return true;
                Tick();
            }
            return C.State == state;
        }

        /// <summary>Homes the lift and waits for Idle.</summary>
        public void HomeToIdle()
        {
            Ok(C.Home());
            if (!RunUntil(SwapState.Idle, 30000)) throw new Exception("homing did not finish: " + SwapStates.Name(C.State));
        }

        /// <summary>Authorises a swap for vehicle VIN1 carrying pack D1 at 12 %.</summary>
        public void Authorize()
        {
            var auth = new SwapAuthorization("VIN1", null);
            auth.VehiclePackSerial = "D1";
            auth.VehiclePackSocPct = 12;
            Ok(C.Authorize(auth));
        }
    }
}
