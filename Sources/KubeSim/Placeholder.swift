public enum KubeSimPlaceholder {}
