package vn.govqms.kit.paging;

/** A validated page request. */
public record PageRequest(int page, int size) {

    public int offset() {
        return page * size;
    }
}
