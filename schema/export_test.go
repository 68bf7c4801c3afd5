package schema

// SetSmallTree sets the size up to which a value is given to the JSON
// Schema library whole, and returns a function that restores it. With 0,
// every array and object is walked.
func SetSmallTree(n int) (restore func()) {
	old := smallTree
	smallTree = n
	return func() { smallTree = old }
}
