using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Station.Boards;
using Station.Core;
using Station.Hal;
using Xunit;

namespace Station.Boards.Tests;

public class BoardPinMapTests
{
    public static TheoryData<string> Boards() => new() { "esp32-devkitc", "stm32f769i-discovery", "stm32f769i-discovery-truck" };

    public static TheoryData<string> CarBoards() => new() { "esp32-devkitc", "stm32f769i-discovery" };

    private static BoardPinMap Map(string board) => board switch
    {
        "esp32-devkitc" => Esp32DevKitC.PinMap(),
        "stm32f769i-discovery" => Stm32F769IDiscovery.PinMap(),
        "stm32f769i-discovery-truck" => Stm32F769IDiscoveryTruck.PinMap(),
        _ => throw new ArgumentException(board),
    };

    [Theory]
    [MemberData(nameof(Boards))]
    public void Board_map_is_valid(string board)
    {
        var map = Map(board);
        Assert.Equal(board, map.Name);
        Assert.Null(map.Validate());
    }

    /// <summary>Every (name, pin array or pin) of the map's pin groups, named like the StationIo port group fields.</summary>
    private static IEnumerable<(string Group, FieldInfo Field, object Pins)> PinGroupFields(BoardPinMap map)
    {
        foreach (var group in typeof(BoardPinMap).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (group.FieldType.IsPrimitive || group.FieldType == typeof(string) || group.FieldType.IsArray || group.FieldType.IsEnum) continue;
            object pins = group.GetValue(map);
            if (pins == null) continue; // a car board has no Truck pins
            foreach (var f in group.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance)) yield return (group.Name, f, pins);
        }
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Every_StationIo_port_has_a_pin(string board)
    {
        // StationIo is the contract: each port of each of its port groups (inputs, outputs, PWM, encoder, per-lock
        // arrays) must have a field of the same name in the map's pin group of the same name (an encoder has channels
        // A and B), wired to a pin. Optional read-back inputs (a conveyor's Running) may be unwired.
        var map = Map(board);
        var mapGroups = typeof(BoardPinMap).GetFields(BindingFlags.Public | BindingFlags.Instance).ToDictionary(f => f.Name);
        var portTypes = new[] { typeof(IDigitalInput), typeof(IDigitalOutput), typeof(IPwmOutput), typeof(IPositionInput) };
        int ports = 0;
        foreach (var group in typeof(StationIo).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!group.FieldType.Name.EndsWith("Ports")) continue; // clock, storage, log: not pins
            if (group.Name == nameof(StationIo.Truck)) continue; // the truck bay's groups: Every_TruckPorts_port_has_a_pin_on_a_truck_board
            Assert.True(mapGroups.TryGetValue(group.Name, out var mapGroup), $"BoardPinMap has no pin group {group.Name}");
            object pinGroup = mapGroup!.GetValue(map)!;
            var pinFields = mapGroup.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance).ToDictionary(f => f.Name);
            foreach (var port in group.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                var type = port.FieldType.IsArray ? port.FieldType.GetElementType()! : port.FieldType;
                Assert.Contains(type, portTypes);
                ports++;
                var names = type == typeof(IPositionInput) ? new[] { port.Name + "A", port.Name + "B" } : new[] { port.Name };
                foreach (var name in names)
                {
                    Assert.True(pinFields.TryGetValue(name, out var field), $"BoardPinMap.{group.Name} has no field for StationIo.{group.Name}.{port.Name} ({name})");
                    if (port.FieldType.IsArray)
                    {
                        var pins = (int[])field!.GetValue(pinGroup)!;
                        Assert.Equal(map.LockCount, pins.Length); // 0 on a truck board: no engine lock set
                        Assert.All(pins, p => Assert.NotEqual(BoardPinMap.NoPin, p));
                    }
                    else if (name != nameof(ConveyorPorts.Running))
                    {
                        Assert.NotEqual(BoardPinMap.NoPin, (int)field!.GetValue(pinGroup)!);
                    }
                }
            }
        }
        Assert.True(ports >= 20, "StationIo ports were not found by reflection");
    }

    [Fact]
    public void Every_TruckPorts_port_has_a_pin_on_a_truck_board()
    {
        // TruckPorts is the truck's contract as StationIo is the car's: each of its ports has a field of the same name in
        // TruckPins, and every pin (per position, per latch) is wired.
        var map = Stm32F769IDiscoveryTruck.PinMap();
        var pinFields = typeof(TruckPins).GetFields(BindingFlags.Public | BindingFlags.Instance).ToDictionary(f => f.Name);
        foreach (var port in typeof(TruckPorts).GetFields(BindingFlags.Public | BindingFlags.Instance))
            Assert.True(pinFields.ContainsKey(port.Name), $"TruckPins has no field for TruckPorts.{port.Name}");
        var pins = new List<(string, int)>();
        foreach (var axis in new[] { ("Travel", map.Truck.Travel), ("Fork", map.Truck.Fork) })
            foreach (var f in typeof(LinearAxisPins).GetFields().Where(f => f.Name != nameof(LinearAxisPins.DriveFrequencyHz)))
                pins.Add((axis.Item1 + "." + f.Name, (int)f.GetValue(axis.Item2)!));
        for (int p = 0; p < TruckPins.Positions; p++)
        {
            Assert.Equal(TruckPins.LatchesPerBlock, map.Truck.BlockLocks[p].Engage.Length);
            Assert.Single(map.Truck.Connectors[p].Engage);
            foreach (var set in new[] { map.Truck.BlockLocks[p], map.Truck.Connectors[p] })
                foreach (var a in new[] { set.Engage, set.Release, set.LockedSensor, set.UnlockedSensor })
                    foreach (int pin in a) pins.Add(("lock of position " + (p + 1), pin));
            pins.Add(("BlockPresent " + (p + 1), map.Truck.BlockPresent[p]));
        }
        pins.Add(("LoadWithinLimit", map.Truck.LoadWithinLimit));
        pins.Add(("Upright", map.Truck.Upright));
        Assert.All(pins, p => Assert.True(p.Item2 != BoardPinMap.NoPin, p.Item1 + " has no pin"));
        Assert.Equal(BoardPinMap.NoPin, map.Truck.BlockCanChipSelect[0]); // position 1: the board's own CAN1
        Assert.NotEqual(BoardPinMap.NoPin, map.Truck.BlockCanChipSelect[1]);
        Assert.NotEqual(BoardPinMap.NoPin, map.Truck.BlockCanChipSelect[2]);
    }

    [Fact]
    public void The_truck_board_needs_more_io_than_a_car_board_and_puts_it_on_five_expanders()
    {
        var truck = Stm32F769IDiscoveryTruck.PinMap();
        var car = Stm32F769IDiscovery.PinMap();
        Assert.Equal(5, truck.ExpanderCount);
        Assert.True(truck.ExpanderCount > car.ExpanderCount);
        // Every native PWM and encoder pin is distinct, and every encoder channel has its own EXTI line (pin % 16).
        var encoders = new[] { truck.Lift.EncoderA, truck.Lift.EncoderB, truck.Truck.Travel.EncoderA, truck.Truck.Travel.EncoderB,
            truck.Truck.Fork.EncoderA, truck.Truck.Fork.EncoderB };
        Assert.Equal(encoders.Length, encoders.Select(p => p % 16).Distinct().Count());
        Assert.All(encoders, p => Assert.False(BoardPinMap.IsExpanderPin(p)));
    }

    [Theory]
    [InlineData("stm32f769i-discovery", "car", 4, null)]
    [InlineData("stm32f769i-discovery", "truck", 4, "bay.profile truck does not match the board, which wires a car bay")]
    [InlineData("stm32f769i-discovery", "car", 2, "the board wires 4 locks, the configuration expects 2")]
    [InlineData("stm32f769i-discovery-truck", "truck", 4, null)]
    [InlineData("stm32f769i-discovery-truck", "car", 4, "bay.profile car does not match the board, which wires a truck bay")]
    [InlineData("esp32-devkitc", "truck", 4, "bay.profile truck does not match the board, which wires a car bay")]
    public void The_bay_profile_is_checked_against_the_boards_wiring(string board, string profile, int locks, string problem)
    {
        Assert.Equal(problem, Map(board).CheckProfile(profile, locks));
    }

    [Fact]
    public void The_board_profile_names_are_the_configurations()
    {
        Assert.Equal(Station.Core.Config.BayProfileNames.Car, Esp32DevKitC.PinMap().BayProfile);
        Assert.Equal(Station.Core.Config.BayProfileNames.Truck, Stm32F769IDiscoveryTruck.PinMap().BayProfile);
    }

    [Fact]
    public void A_truck_board_without_its_block_can_chip_selects_or_with_a_latch_missing_is_refused()
    {
        var map = Stm32F769IDiscoveryTruck.PinMap();
        map.Truck.BlockCanChipSelect[2] = BoardPinMap.NoPin;
        Assert.Equal("Truck.BlockCanChipSelect[2] has no pin", map.Validate());
        map = Stm32F769IDiscoveryTruck.PinMap();
        map.Truck.BlockLocks[1].Size(1);
        Assert.Equal("Truck.BlockLocks[1] must have 2 latches", map.Validate());
        map = Stm32F769IDiscoveryTruck.PinMap();
        map.Truck.Upright = map.Truck.LoadWithinLimit;
        Assert.StartsWith("Truck.Upright uses pin", map.Validate());
        map = Stm32F769IDiscoveryTruck.PinMap();
        map.Truck = null;
        Assert.Equal("a truck bay's board wires the Truck pins, a car bay's does not", map.Validate());
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void The_wiring_note_names_every_port_of_the_map(string board)
    {
        string dir = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(System.IO.Path.Combine(dir, "StationFirmware.sln"))) dir = System.IO.Path.GetDirectoryName(dir)!;
        string note = System.IO.File.ReadAllText(System.IO.Path.Combine(dir, "boards", board, "README.md"));
        var map = Map(board);
        foreach (var field in typeof(BoardPinMap).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            bool pin = field.FieldType == typeof(int) && (int)field.GetValue(map)! != BoardPinMap.NoPin && field.Name != nameof(BoardPinMap.ExpanderCount)
                && field.Name != nameof(BoardPinMap.LockCount) && field.Name != nameof(BoardPinMap.SpiBus) && field.Name != nameof(BoardPinMap.CanCrystalHz);
            if (pin)
            {
                Assert.True(note.Contains("`" + field.Name, StringComparison.Ordinal), $"boards/{board}/README.md does not name {field.Name}");
            }
        }
        foreach (var (group, field, pins) in PinGroupFields(map))
        {
            bool pin = field.FieldType == typeof(int) && (int)field.GetValue(pins)! != BoardPinMap.NoPin && field.Name != nameof(LinearAxisPins.DriveFrequencyHz);
            if (pin || field.FieldType == typeof(int[]))
            {
                string name = group + "." + field.Name;
                Assert.True(note.Contains("`" + name, StringComparison.Ordinal), $"boards/{board}/README.md does not name {name}");
            }
        }
    }

    private sealed class AnyPort : IDigitalInput, IDigitalOutput, IPwmOutput, IPositionInput
    {
        public bool Read() => false;
        public void Write(bool on) { }
        public bool State => false;
        public void SetDuty(double duty) { }
        public double Duty => 0;
        public int FrequencyHz => 2000;
        public int ReadCounts() => 0;
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Every_registered_output_has_an_output_pin_on_the_board(string board)
    {
        // The board wiring walks the core's output registry (Program does the same at boot): every output the core
        // drives, by its registered name, has a pin of this board.
        var map = Map(board);
        var io = new StationIo();
        io.Locks.Size(map.LockCount);
        // The car bay's groups (and on a truck board the truck's, registered as the truck profile does).
        if (map.Truck != null) io.Truck = new TruckPorts();
        var groups = typeof(StationIo).GetFields().Where(f => f.FieldType.Name.EndsWith("Ports") && f.Name != nameof(StationIo.Truck))
            .Select(f => f.GetValue(io)!).ToList();
        if (io.Truck != null)
        {
            groups.Add(io.Truck.Travel);
            groups.Add(io.Truck.Fork);
            foreach (var l in io.Truck.BlockLocks) { l.Size(TruckPins.LatchesPerBlock); groups.Add(l); }
            foreach (var c in io.Truck.Connectors) { c.Size(1); groups.Add(c); }
        }
        foreach (object ports in groups)
        {
            foreach (var port in ports.GetType().GetFields())
            {
                if (port.IsInitOnly) continue;
                if (port.FieldType.IsArray) { var a = (Array)port.GetValue(ports)!; for (int i = 0; i < a.Length; i++) a.SetValue(new AnyPort(), i); }
                else if (port.FieldType.IsInterface) port.SetValue(ports, new AnyPort());
            }
        }
        var config = new StationConfig();
        var registry = map.Truck == null ? io.RegisterOutputs(config) : new Station.Core.Swap.Truck.TruckBayProfile().RegisterOutputs(io, config);
        Assert.Null(registry.Problem);
        Assert.True(registry.Count >= 10);
        for (int i = 0; i < registry.Count; i++)
        {
            string name = registry.At(i).Name;
            Assert.True(map.PinOf(name) != BoardPinMap.NoPin, $"{board}: registered output {name} has no pin");
        }
        for (int i = 0; i < registry.DriveCount; i++) Assert.NotEqual(BoardPinMap.NoPin, map.PinOf(registry.DriveName(i)));
        Assert.Equal(BoardPinMap.NoPin, map.PinOf("Lift.NoSuchPort"));
    }

    [Theory]
    [MemberData(nameof(CarBoards))]
    public void Board_wires_as_many_locks_as_the_default_config(string board)
    {
        Assert.Equal(new StationConfig().LockCount, Map(board).LockCount);
    }

    [Fact]
    public void A_pin_used_twice_is_refused()
    {
        var map = Esp32DevKitC.PinMap();
        map.Lift.Enable = map.Lift.DirectionAway;
        Assert.Equal("Lift.Enable uses pin 26, already used by Lift.DirectionAway", map.Validate());
    }

    [Fact]
    public void An_expander_pin_used_twice_is_refused()
    {
        var map = Stm32F769IDiscovery.PinMap();
        map.Locks.Release[2] = map.Locks.Engage[1];
        Assert.Contains("already used by Locks.Engage[1]", map.Validate());
    }

    [Fact]
    public void A_port_without_a_pin_is_refused()
    {
        var map = Esp32DevKitC.PinMap();
        map.StatusLed = BoardPinMap.NoPin;
        Assert.Equal("StatusLed has no pin", map.Validate());
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(39)]
    public void Esp32_input_only_pins_cannot_drive_an_output(int pin)
    {
        var map = Esp32DevKitC.PinMap();
        int old = map.Lift.Enable;
        // Free the pin first so the only problem left is the direction.
        if (map.Safety.EStopReleased == pin) map.Safety.EStopReleased = old;
        if (map.Safety.LightCurtainClear == pin) map.Safety.LightCurtainClear = old;
        if (map.Safety.RelayFeedback == pin) map.Safety.RelayFeedback = old;
        if (map.CanInterrupt == pin) map.CanInterrupt = old;
        map.Lift.Enable = pin;
        Assert.Equal($"Lift.Enable: GPIO{pin} is input-only", map.Validate());
    }

    [Fact]
    public void Esp32_input_only_pins_are_fine_as_inputs()
    {
        var map = Esp32DevKitC.PinMap();
        Assert.True(map.Safety.EStopReleased >= 34 && map.Safety.LightCurtainClear >= 34 && map.Safety.RelayFeedback >= 34 && map.CanInterrupt >= 34);
        Assert.Null(map.Validate());
    }

    [Theory]
    [InlineData(6, "SPI flash")]
    [InlineData(11, "SPI flash")]
    [InlineData(1, "UART0")]
    [InlineData(3, "UART0")]
    [InlineData(0, "strapping")]
    [InlineData(2, "strapping")]
    [InlineData(5, "strapping")]
    [InlineData(12, "strapping")]
    [InlineData(15, "strapping")]
    [InlineData(20, "does not exist")]
    [InlineData(28, "does not exist")]
    [InlineData(40, "does not exist")]
    [InlineData(37, "not brought out")]
    public void Esp32_pins_the_board_cannot_use_are_refused(int pin, string reason)
    {
        var map = Esp32DevKitC.PinMap();
        map.Lift.FarLimit = pin;
        string problem = map.Validate();
        Assert.NotNull(problem);
        Assert.StartsWith("Lift.FarLimit: ", problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Esp32_has_its_sd_card_on_the_shared_spi_bus_with_its_own_chip_select()
    {
        var map = Esp32DevKitC.PinMap();
        Assert.Equal(5, map.SdCardChipSelect);
        Assert.DoesNotContain(map.SdCardChipSelect, new[] { map.CanChipSelect, map.ExpanderChipSelect });
        Assert.Null(map.Validate());
        // The STM32F769I-DISCOVERY has a native SD slot: no SPI chip select.
        Assert.Equal(BoardPinMap.NoPin, Stm32F769IDiscovery.PinMap().SdCardChipSelect);
    }

    [Theory]
    [InlineData(0, "SdCardChipSelect: GPIO0 is a strapping pin")]
    [InlineData(2, "SdCardChipSelect: GPIO2 is a strapping pin")]
    [InlineData(12, "SdCardChipSelect: GPIO12 is a strapping pin")]
    [InlineData(15, "SdCardChipSelect: GPIO15 is a strapping pin")]
    [InlineData(6, "SdCardChipSelect: GPIO6 is wired to the module's SPI flash")]
    [InlineData(21, "CanChipSelect uses pin 21, already used by SdCardChipSelect")]
    [InlineData(22, "SdCardChipSelect uses pin 22, already used by ExpanderChipSelect")]
    [InlineData(18, "SdCardChipSelect uses pin 18, already used by SpiClock")]
    public void Esp32_sd_card_chip_select_must_be_a_free_usable_pin(int pin, string problem)
    {
        var map = Esp32DevKitC.PinMap();
        map.SdCardChipSelect = pin;
        Assert.StartsWith(problem, map.Validate());
    }

    [Fact]
    public void Esp32_sd_card_chip_select_cannot_be_an_input_only_pin()
    {
        var map = Esp32DevKitC.PinMap();
        map.CanInterrupt = map.SdCardChipSelect; // free GPIO39 ... and put the interrupt where the card was
        map.SdCardChipSelect = 39;
        Assert.Equal("SdCardChipSelect: GPIO39 is input-only", map.Validate());
    }

    [Fact]
    public void Gpio5_is_a_chip_select_or_nothing()
    {
        // Its strap is sampled high: fine for an idle chip select, not for an output or input whose level is not ours.
        var map = Esp32DevKitC.PinMap();
        map.SdCardChipSelect = BoardPinMap.NoPin;
        map.Lift.Enable = 5;
        Assert.Equal("Lift.Enable: GPIO5 is a strapping pin (boot mode, flash voltage): avoided", map.Validate());
        map = Esp32DevKitC.PinMap();
        map.SdCardChipSelect = map.CanChipSelect;
        map.CanChipSelect = 5;
        Assert.Null(map.Validate());
    }

    [Fact]
    public void A_chip_select_cannot_sit_on_an_expander()
    {
        var map = Esp32DevKitC.PinMap();
        map.SdCardChipSelect = BoardPinMap.ExpanderPin(1, false, 7);
        Assert.Equal("SdCardChipSelect: an SPI chip select needs a native pin (the expanders themselves sit on the SPI bus)", map.Validate());
    }

    [Fact]
    public void Pwm_and_encoder_need_native_pins()
    {
        var map = Esp32DevKitC.PinMap();
        map.Lift.Drive = BoardPinMap.ExpanderPin(1, false, 7);
        Assert.Equal("Lift.Drive: PWM and encoder channels need a native pin, not an expander pin", map.Validate());
        map = Stm32F769IDiscovery.PinMap();
        map.Lift.EncoderB = BoardPinMap.ExpanderPin(1, true, 7);
        Assert.Equal("Lift.EncoderB: PWM and encoder channels need a native pin, not an expander pin", map.Validate());
    }

    [Fact]
    public void Expander_pins_must_be_on_an_expander_the_board_has()
    {
        var map = Esp32DevKitC.PinMap();
        map.StatusLed = BoardPinMap.ExpanderPin(2, false, 0);
        Assert.Contains("on an expander the board does not have", map.Validate());
    }

    [Theory]
    [InlineData('A', 9, "USART1")]
    [InlineData('A', 10, "USART1")]
    [InlineData('A', 13, "SWD")]
    [InlineData('K', 8, "not a port A..K pin")]
    public void Stm32_pins_the_board_cannot_use_are_refused(char port, int bit, string reason)
    {
        var map = Stm32F769IDiscovery.PinMap();
        map.Lift.FarLimit = BoardPinMap.Stm32Pin(port, bit);
        Assert.Contains(reason, map.Validate());
    }

    [Fact]
    public void Stm32_pins_the_discovery_board_uses_itself_are_refused()
    {
        var map = Stm32F769IDiscovery.PinMap();
        map.Lift.FarLimit = BoardPinMap.Stm32Pin('G', 8); // FMC_SDCLK: the SDRAM clock
        Assert.Equal("Lift.FarLimit: pin 104 is not brought out on stm32f769i-discovery (or the board uses it itself)", map.Validate());
    }

    [Fact]
    public void Stm32_uses_native_CAN1_on_PB9_PB8_and_Esp32_an_MCP2515_on_SPI()
    {
        var stm = Stm32F769IDiscovery.PinMap();
        Assert.Equal("CAN1", stm.CanController);
        Assert.Equal(BoardPinMap.Stm32Pin('B', 9), stm.CanTx);
        Assert.Equal(BoardPinMap.Stm32Pin('B', 8), stm.CanRx);
        var esp = Esp32DevKitC.PinMap();
        Assert.Null(esp.CanController);
        Assert.NotEqual(BoardPinMap.NoPin, esp.CanChipSelect);
        Assert.Equal(8000000, esp.CanCrystalHz);
        esp.CanCrystalHz = 12000000;
        Assert.Equal("CanCrystalHz must be 8, 16 or 20 MHz (MCP2515 crystals)", esp.Validate());
    }

    [Fact]
    public void Lock_arrays_must_match_the_lock_count()
    {
        var map = Esp32DevKitC.PinMap();
        map.LockCount = 3;
        Assert.Equal("each lock array must have LockCount entries", map.Validate());
    }

    [Fact]
    public void Stm32_pin_numbers_follow_nanoFramework_port_times_16()
    {
        Assert.Equal(0, BoardPinMap.Stm32Pin('A', 0));
        Assert.Equal(16 + 9, BoardPinMap.Stm32Pin('B', 9));
        Assert.Equal(9 * 16 + 5, BoardPinMap.Stm32Pin('J', 5));
    }
}
