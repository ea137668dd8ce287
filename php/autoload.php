<?php

declare(strict_types=1);

// PSR-4 autoloader for installs without Composer (Composer's own autoloader
// does the same from composer.json).
spl_autoload_register(static function (string $class): void {
    $prefixes = [
        'RealtimeFinance\\Tests\\' => __DIR__ . '/tests/',
        'RealtimeFinance\\' => __DIR__ . '/src/',
    ];
    foreach ($prefixes as $prefix => $directory) {
        if (str_starts_with($class, $prefix)) {
            $path = $directory . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($path)) {
                require $path;
            }
            return;
        }
    }
});
