import Testing
import SVGPlot

@Test func numbersHaveAtMostTwoDecimals() {
    #expect(svgNumber(1.23456) == "1.23")
    #expect(svgNumber(2.0) == "2")
    #expect(svgNumber(-0.001) == "0")
    #expect(svgNumber(.nan) == "0")
    #expect(svgNumber(10.5) == "10.5")
}
