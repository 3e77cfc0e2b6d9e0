// name: analysis/estimate_algorithms
// description: Memory estimates of every algorithm `lantern analyze` runs on the projected graph, as a share
// description: of the server's maximum heap (the largest one decides).
// params: graph (projection name), sampling_size (int, betweenness source nodes)
// returns: algorithm, required_memory, bytes_max, heap_percentage_max (one row per algorithm)
// mode: read
CALL gds.wcc.stream.estimate($graph, {}) YIELD requiredMemory AS m1, bytesMax AS b1, heapPercentageMax AS h1
CALL gds.leiden.stream.estimate($graph, {relationshipWeightProperty: 'weight'})
  YIELD requiredMemory AS m2, bytesMax AS b2, heapPercentageMax AS h2
CALL gds.pageRank.stream.estimate($graph, {relationshipWeightProperty: 'weight'})
  YIELD requiredMemory AS m3, bytesMax AS b3, heapPercentageMax AS h3
CALL gds.betweenness.stream.estimate($graph, {samplingSize: $sampling_size})
  YIELD requiredMemory AS m4, bytesMax AS b4, heapPercentageMax AS h4
CALL gds.nodeSimilarity.stream.estimate($graph, {}) YIELD requiredMemory AS m5, bytesMax AS b5, heapPercentageMax AS h5
UNWIND [['wcc', m1, b1, h1], ['leiden', m2, b2, h2], ['pageRank', m3, b3, h3], ['betweenness', m4, b4, h4],
        ['nodeSimilarity', m5, b5, h5]] AS row
RETURN row[0] AS algorithm, row[1] AS required_memory, row[2] AS bytes_max, row[3] AS heap_percentage_max
