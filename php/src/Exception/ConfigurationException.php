<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** Invalid client settings or arguments, found before any request, or a native library that cannot be loaded. */
class ConfigurationException extends RealTimeFinanceException
{
}
