import Testing

@testable import AnnotextCore

/// `partitionPoint(where:)`: the binary search the run and block lookups share.
@Suite struct PartitionPointTests {
    @Test func findsTheFirstElementAboveEveryCut() {
        let values = [1, 3, 3, 5, 8, 13]
        for target in 0...14 {
            #expect(values.partitionPoint { $0 >= target } == values.firstIndex { $0 >= target } ?? values.endIndex)
        }
    }

    @Test func countsFromTheSliceStart() {
        let values = [2, 4, 6, 8, 10]
        #expect(values[2...].partitionPoint { $0 >= 7 } == 3)
        #expect(values[2...].partitionPoint { $0 >= 1 } == 2)
        #expect(values[5...].partitionPoint { $0 >= 1 } == 5)
        #expect([Int]().partitionPoint { $0 >= 1 } == 0)
    }
}
