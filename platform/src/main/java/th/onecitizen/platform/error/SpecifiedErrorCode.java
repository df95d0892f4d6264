package th.onecitizen.platform.error;

/** An {@link ErrorCode} whose parts are held in one {@link ErrorSpec}: what every module's error enum implements. */
public interface SpecifiedErrorCode extends ErrorCode {

    /** The code, status and title of this failure. */
    ErrorSpec spec();

    @Override
    default String code() {
        return spec().code();
    }

    @Override
    default int status() {
        return spec().status();
    }

    @Override
    default String title() {
        return spec().title();
    }
}
